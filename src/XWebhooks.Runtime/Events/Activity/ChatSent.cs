using System.Text.Json.Serialization.Metadata;
using XWebhooks.Serialization;

namespace XWebhooks.Events.Activity;

/// <summary>
/// XAA <c>chat.sent</c>: the filtered user sent an encrypted XChat message (content is encrypted). Private event (<c>dm.read</c>).
/// </summary>
[XEventType(XProduct.Activity, "chat.sent")]
public sealed class ChatSent : ActivityEvent<ChatPayload>, IXEvent<ChatSent>
{
    /// <summary>Source-generated JSON metadata for <see cref="ChatSent"/>.</summary>
    public static JsonTypeInfo<ChatSent> JsonTypeInfo => XActivityJsonContext.Default.ChatSent;
}
