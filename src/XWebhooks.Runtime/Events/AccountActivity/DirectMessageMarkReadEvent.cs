using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using XWebhooks.Serialization;

namespace XWebhooks.Events.AccountActivity;

/// <summary>
/// One element of the Account Activity <c>direct_message_mark_read_events</c> array: a read receipt. X sends it
/// when a Direct Message conversation is marked read (the docs list read receipts "to user").
/// Participant details are in the delivery's <c>users</c> map.
/// </summary>
[XEventType(XProduct.AccountActivity, "direct_message_mark_read_events")]
public sealed class DirectMessageMarkReadEvent : IXEvent<DirectMessageMarkReadEvent>
{
    /// <summary>Source-generated JSON metadata for this type.</summary>
    public static JsonTypeInfo<DirectMessageMarkReadEvent> JsonTypeInfo => XAccountActivityJsonContext.Default.DirectMessageMarkReadEvent;

    /// <summary>When the messages were read, in epoch milliseconds (<c>created_timestamp</c>; sent as a numeric string).</summary>
    public long? CreatedTimestamp { get; set; }

    /// <summary><see cref="CreatedTimestamp"/> as a UTC time, or null when absent.</summary>
    [JsonIgnore]
    public DateTimeOffset? CreatedAtTime => AccountActivityDates.FromUnixMilliseconds(CreatedTimestamp);

    /// <summary>The id of the user who read the messages (<c>sender_id</c>).</summary>
    public string? SenderId { get; set; }

    /// <summary>The other participant (<c>target</c>).</summary>
    public AccountActivityDirectMessageTarget? Target { get; set; }

    /// <summary>The id of the last message event read (<c>last_read_event_id</c>).</summary>
    public string? LastReadEventId { get; set; }
}
