using System.Text.Json.Serialization.Metadata;
using XWebhooks.Serialization;

namespace XWebhooks.Events.Activity;

/// <summary>
/// XAA <c>broadcast.chat</c>: someone sent a chat message in a broadcast the filtered user owns. Private event (<c>broadcast.read</c>).
/// </summary>
[XEventType(XProduct.Activity, "broadcast.chat")]
public sealed class BroadcastChatReceived : ActivityEvent<BroadcastChatPayload>, IXEvent<BroadcastChatReceived>
{
    /// <summary>Source-generated JSON metadata for <see cref="BroadcastChatReceived"/>.</summary>
    public static JsonTypeInfo<BroadcastChatReceived> JsonTypeInfo => XActivityJsonContext.Default.BroadcastChatReceived;
}
