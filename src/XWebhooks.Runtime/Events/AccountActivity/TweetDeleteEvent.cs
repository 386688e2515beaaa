using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using XWebhooks.Serialization;

namespace XWebhooks.Events.AccountActivity;

/// <summary>
/// One element of the Account Activity <c>tweet_delete_events</c> array. X sends it when the subscribed user
/// deletes a post. Honour it: remove any stored copy of the post.
/// </summary>
[XEventType(XProduct.AccountActivity, "tweet_delete_events")]
public sealed class TweetDeleteEvent : IXEvent<TweetDeleteEvent>
{
    /// <summary>Source-generated JSON metadata for this type.</summary>
    public static JsonTypeInfo<TweetDeleteEvent> JsonTypeInfo => XAccountActivityJsonContext.Default.TweetDeleteEvent;

    /// <summary>The deleted post (<c>status</c>).</summary>
    public AccountActivityDeletedStatus? Status { get; set; }

    /// <summary>When it was deleted, in epoch milliseconds (<c>timestamp_ms</c>; sent as a numeric string).</summary>
    public long? TimestampMs { get; set; }

    /// <summary><see cref="TimestampMs"/> as a UTC time, or null when absent.</summary>
    [JsonIgnore]
    public DateTimeOffset? DeletedAtTime => AccountActivityDates.FromUnixMilliseconds(TimestampMs);
}
