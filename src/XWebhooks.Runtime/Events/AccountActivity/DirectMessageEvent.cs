using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using XWebhooks.Serialization;

namespace XWebhooks.Events.AccountActivity;

/// <summary>
/// One element of the Account Activity <c>direct_message_events</c> array. X sends it when the subscribed user
/// sends or receives a Direct Message (compare <see cref="SenderId"/> with <c>for_user_id</c> to tell which).
/// The delivery's <c>users</c> and <c>apps</c> maps describe the participants: read them from
/// <see cref="AccountActivityDelivery"/> (parse <c>XDelivery.Body</c> with <see cref="AccountActivityDelivery.JsonTypeInfo"/>).
/// </summary>
[XEventType(XProduct.AccountActivity, "direct_message_events")]
public sealed class DirectMessageEvent : IXEvent<DirectMessageEvent>
{
    /// <summary>Source-generated JSON metadata for this type.</summary>
    public static JsonTypeInfo<DirectMessageEvent> JsonTypeInfo => XAccountActivityJsonContext.Default.DirectMessageEvent;

    /// <summary>The event type (<c>type</c>); <c>message_create</c> for a message.</summary>
    public string? Type { get; set; }

    /// <summary>The message event id (<c>id</c>); a natural dedupe key together with <c>for_user_id</c>.</summary>
    public string? Id { get; set; }

    /// <summary>When it was sent, in epoch milliseconds (<c>created_timestamp</c>; sent as a numeric string).</summary>
    public long? CreatedTimestamp { get; set; }

    /// <summary><see cref="CreatedTimestamp"/> as a UTC time, or null when absent.</summary>
    [JsonIgnore]
    public DateTimeOffset? CreatedAtTime => AccountActivityDates.FromUnixMilliseconds(CreatedTimestamp);

    /// <summary>The message (<c>message_create</c>).</summary>
    public AccountActivityMessageCreate? MessageCreate { get; set; }

    /// <summary>Shortcut for <c>message_create.sender_id</c>.</summary>
    [JsonIgnore]
    public string? SenderId => MessageCreate?.SenderId;

    /// <summary>Shortcut for <c>message_create.target.recipient_id</c>.</summary>
    [JsonIgnore]
    public string? RecipientId => MessageCreate?.Target?.RecipientId;

    /// <summary>Shortcut for <c>message_create.message_data.text</c>.</summary>
    [JsonIgnore]
    public string? Text => MessageCreate?.MessageData?.Text;
}
