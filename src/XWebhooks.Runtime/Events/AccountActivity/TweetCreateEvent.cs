using System.Text.Json.Serialization.Metadata;
using XWebhooks.Serialization;

namespace XWebhooks.Events.AccountActivity;

/// <summary>
/// One element of the Account Activity <c>tweet_create_events</c> array: a v1.1 Tweet. X sends it when the
/// subscribed user posts, Retweets, replies or quotes, when someone replies to, Retweets or quotes the user's
/// posts, and when someone @mentions the user (mention deliveries may carry <c>user_has_blocked</c>, see
/// <see cref="AccountActivityDelivery.UserHasBlocked"/>).
/// </summary>
[XEventType(XProduct.AccountActivity, "tweet_create_events")]
public sealed class TweetCreateEvent : V1Tweet, IXEvent<TweetCreateEvent>
{
    /// <summary>Source-generated JSON metadata for this type.</summary>
    public static JsonTypeInfo<TweetCreateEvent> JsonTypeInfo => XAccountActivityJsonContext.Default.TweetCreateEvent;
}
