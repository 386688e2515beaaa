using System.Text.Json.Serialization.Metadata;
using XWebhooks.Serialization;

namespace XWebhooks.Events.Activity;

/// <summary>
/// XAA <c>chat.received</c>: the filtered user received an encrypted XChat message (content is encrypted). Private event (<c>dm.read</c>).
/// </summary>
[XEventType(XProduct.Activity, "chat.received")]
public sealed class ChatReceived : ActivityEvent<ChatPayload>, IXEvent<ChatReceived>
{
    /// <summary>Source-generated JSON metadata for <see cref="ChatReceived"/>.</summary>
    public static JsonTypeInfo<ChatReceived> JsonTypeInfo => XActivityJsonContext.Default.ChatReceived;
}
