using System.Text.Json.Serialization.Metadata;
using XWebhooks.Serialization;

namespace XWebhooks.Events.Activity;

/// <summary>
/// XAA <c>dm.received</c>: the filtered user received a legacy (unencrypted) DM: <c>direct_message_events</c> plus a <c>users</c> map. Private event (<c>dm.read</c>).
/// </summary>
[XEventType(XProduct.Activity, "dm.received")]
public sealed class DirectMessageReceived : ActivityEvent<DmPayload>, IXEvent<DirectMessageReceived>
{
    /// <summary>Source-generated JSON metadata for <see cref="DirectMessageReceived"/>.</summary>
    public static JsonTypeInfo<DirectMessageReceived> JsonTypeInfo => XActivityJsonContext.Default.DirectMessageReceived;
}
