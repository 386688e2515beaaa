using System.Text.Json.Serialization.Metadata;
using XWebhooks.Serialization;

namespace XWebhooks.Events.Activity;

/// <summary>
/// XAA <c>dm.sent</c>: the filtered user sent a legacy (unencrypted) DM: <c>direct_message_events</c> plus a <c>users</c> map. Private event (<c>dm.read</c>).
/// </summary>
[XEventType(XProduct.Activity, "dm.sent")]
public sealed class DirectMessageSent : ActivityEvent<DmPayload>, IXEvent<DirectMessageSent>
{
    /// <summary>Source-generated JSON metadata for <see cref="DirectMessageSent"/>.</summary>
    public static JsonTypeInfo<DirectMessageSent> JsonTypeInfo => XActivityJsonContext.Default.DirectMessageSent;
}
