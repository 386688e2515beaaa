using System.Text.Json.Serialization.Metadata;
using XWebhooks.Serialization;

namespace XWebhooks.Events.Activity;

/// <summary>
/// XAA <c>chat.conversation.admin_removed</c>: a group chat admin lost admin rights. Listed in the API spec only (no docs, no example); chat payload shape assumed. Private event (<c>dm.read</c>).
/// </summary>
[XEventType(XProduct.Activity, "chat.conversation.admin_removed")]
public sealed class ChatAdminRemoved : ActivityEvent<ChatPayload>, IXEvent<ChatAdminRemoved>
{
    /// <summary>Source-generated JSON metadata for <see cref="ChatAdminRemoved"/>.</summary>
    public static JsonTypeInfo<ChatAdminRemoved> JsonTypeInfo => XActivityJsonContext.Default.ChatAdminRemoved;
}
