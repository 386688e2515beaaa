using System.Text.Json.Serialization.Metadata;
using XWebhooks.Serialization;

namespace XWebhooks.Events.Activity;

/// <summary>
/// XAA <c>chat.conversation.admin_added</c>: a group chat member was made an admin. Listed in the API spec only (no docs, no example); chat payload shape assumed. Private event (<c>dm.read</c>).
/// </summary>
[XEventType(XProduct.Activity, "chat.conversation.admin_added")]
public sealed class ChatAdminAdded : ActivityEvent<ChatPayload>, IXEvent<ChatAdminAdded>
{
    /// <summary>Source-generated JSON metadata for <see cref="ChatAdminAdded"/>.</summary>
    public static JsonTypeInfo<ChatAdminAdded> JsonTypeInfo => XActivityJsonContext.Default.ChatAdminAdded;
}
