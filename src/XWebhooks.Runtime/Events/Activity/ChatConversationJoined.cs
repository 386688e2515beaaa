using System.Text.Json.Serialization.Metadata;
using XWebhooks.Serialization;

namespace XWebhooks.Events.Activity;

/// <summary>
/// XAA <c>chat.conversation.join</c>: a user joined an encrypted chat conversation. X also sends the deprecated name <c>chat.conversation_join</c>. No example in the docs; the payload shape matches other chat events. Private event (<c>dm.read</c>).
/// </summary>
[XEventType(XProduct.Activity, "chat.conversation.join")]
[XEventType(XProduct.Activity, "chat.conversation_join")]
public sealed class ChatConversationJoined : ActivityEvent<ChatPayload>, IXEvent<ChatConversationJoined>
{
    /// <summary>Source-generated JSON metadata for <see cref="ChatConversationJoined"/>.</summary>
    public static JsonTypeInfo<ChatConversationJoined> JsonTypeInfo => XActivityJsonContext.Default.ChatConversationJoined;
}
