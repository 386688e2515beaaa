using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using XWebhooks.Serialization;

namespace XWebhooks.Events.AccountActivity;

/// <summary>
/// One element of the Account Activity <c>direct_message_indicate_typing_events</c> array. X sends it when
/// someone is typing a Direct Message to the subscribed user. Sender details are in the delivery's <c>users</c> map.
/// </summary>
[XEventType(XProduct.AccountActivity, "direct_message_indicate_typing_events")]
public sealed class DirectMessageIndicateTypingEvent : IXEvent<DirectMessageIndicateTypingEvent>
{
    /// <summary>Source-generated JSON metadata for this type.</summary>
    public static JsonTypeInfo<DirectMessageIndicateTypingEvent> JsonTypeInfo => XAccountActivityJsonContext.Default.DirectMessageIndicateTypingEvent;

    /// <summary>When typing was indicated, in epoch milliseconds (<c>created_timestamp</c>; sent as a numeric string).</summary>
    public long? CreatedTimestamp { get; set; }

    /// <summary><see cref="CreatedTimestamp"/> as a UTC time, or null when absent.</summary>
    [JsonIgnore]
    public DateTimeOffset? CreatedAtTime => AccountActivityDates.FromUnixMilliseconds(CreatedTimestamp);

    /// <summary>The id of the user who is typing (<c>sender_id</c>).</summary>
    public string? SenderId { get; set; }

    /// <summary>The user being typed to (<c>target</c>).</summary>
    public AccountActivityDirectMessageTarget? Target { get; set; }
}
