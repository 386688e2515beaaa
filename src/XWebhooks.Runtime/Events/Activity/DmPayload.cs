using System.Text.Json.Serialization;
using XWebhooks.Serialization;

namespace XWebhooks.Events.Activity;

/// <summary>
/// The <c>payload</c> of legacy (unencrypted) <c>dm.*</c> events, which reuses the Account Activity DM shape:
/// <c>direct_message_events[]</c> plus a <c>users</c> map. X documents <c>dm.sent</c> and <c>dm.received</c> only;
/// for <c>dm.read</c> and <c>dm.indicate_typing</c> the Account Activity arrays
/// (<c>direct_message_mark_read_events</c>, <c>direct_message_indicate_typing_events</c>) are assumed and may be absent.
/// </summary>
public sealed class DmPayload
{
    /// <summary>The messages (<c>type</c> <c>message_create</c>) of a <c>dm.sent</c>/<c>dm.received</c> event.</summary>
    public IReadOnlyList<DmEvent>? DirectMessageEvents { get; init; }

    /// <summary>Read receipts, if X sends them AAA-style for <c>dm.read</c> (undocumented for XAA).</summary>
    public IReadOnlyList<DmReadReceipt>? DirectMessageMarkReadEvents { get; init; }

    /// <summary>Typing indicators, if X sends them AAA-style for <c>dm.indicate_typing</c> (undocumented for XAA).</summary>
    public IReadOnlyList<DmTypingIndicator>? DirectMessageIndicateTypingEvents { get; init; }

    /// <summary>The participants, keyed by user ID. X wraps each as <c>{"data":{…}}</c>; bare users are accepted too.</summary>
    [JsonConverter(typeof(WrappedUserMapConverter))]
    public IReadOnlyDictionary<string, XUser>? Users { get; init; }
}
