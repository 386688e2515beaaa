using System.Text.Json.Serialization;
using XWebhooks.Serialization;

namespace XWebhooks.Events.Activity;

/// <summary>
/// The <c>payload</c> of <c>follow.*</c>, <c>mute.*</c> and <c>block.*</c>: the acting user and the user acted on.
/// X sends each user wrapped as <c>{"data":{…}}</c>; bare users are accepted too.
/// </summary>
public sealed class UserPairPayload
{
    /// <summary>The user who follows, unfollows, mutes, unmutes, blocks or unblocks.</summary>
    [JsonConverter(typeof(WrappedUserConverter))]
    public XUser? Source { get; init; }

    /// <summary>The user who is followed, unfollowed, muted, unmuted, blocked or unblocked.</summary>
    [JsonConverter(typeof(WrappedUserConverter))]
    public XUser? Target { get; init; }
}
