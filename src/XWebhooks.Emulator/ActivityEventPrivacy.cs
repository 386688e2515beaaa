namespace XWebhooks.Emulator;

/// <summary>
/// Which X Activity event types are private: X delivers them only to a subscription made with a user-context token
/// of the user in <c>filter.user_id</c> (X's XAA introduction: public events accept an app-only bearer token, private
/// ones need user context; the spec's create operation names the scope of each: dm.read for dm.* and chat.*,
/// like.read, mute.read, block.read, broadcast.read, tweet.read for the post interactions).
/// </summary>
internal static class ActivityEventPrivacy
{
    private static readonly string[] PrivatePrefixes = ["dm.", "chat.", "like.", "mute.", "block."];

    private static readonly HashSet<string> PrivateTypes = new(StringComparer.Ordinal)
    {
        "post.mention.create", "post.reply.create", "post.quote.create", "post.repost.create", "broadcast.chat",
    };

    public static bool IsPrivate(string eventType) =>
        PrivateTypes.Contains(eventType) || PrivatePrefixes.Any(prefix => eventType.StartsWith(prefix, StringComparison.Ordinal));
}
