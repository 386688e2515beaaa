using System.Text.Json.Serialization.Metadata;
using XWebhooks.Serialization;

namespace XWebhooks.Events.Activity;

/// <summary>
/// XAA <c>chat.conversation.member_added</c>: a member was added to a group chat. Listed in the API spec only (no docs, no example); chat payload shape assumed. Private event (<c>dm.read</c>).
/// </summary>
[XEventType(XProduct.Activity, "chat.conversation.member_added")]
public sealed class ChatMemberAdded : ActivityEvent<ChatPayload>, IXEvent<ChatMemberAdded>
{
    /// <summary>Source-generated JSON metadata for <see cref="ChatMemberAdded"/>.</summary>
    public static JsonTypeInfo<ChatMemberAdded> JsonTypeInfo => XActivityJsonContext.Default.ChatMemberAdded;
}
