using System.Text.Json.Serialization.Metadata;
using XWebhooks.Serialization;

namespace XWebhooks.Events.Activity;

/// <summary>
/// XAA <c>chat.conversation.member_removed</c>: a member was removed from a group chat. Listed in the API spec only (no docs, no example); chat payload shape assumed. Private event (<c>dm.read</c>).
/// </summary>
[XEventType(XProduct.Activity, "chat.conversation.member_removed")]
public sealed class ChatMemberRemoved : ActivityEvent<ChatPayload>, IXEvent<ChatMemberRemoved>
{
    /// <summary>Source-generated JSON metadata for <see cref="ChatMemberRemoved"/>.</summary>
    public static JsonTypeInfo<ChatMemberRemoved> JsonTypeInfo => XActivityJsonContext.Default.ChatMemberRemoved;
}
