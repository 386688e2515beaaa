using System.Text.Json.Serialization.Metadata;
using XWebhooks.Serialization;

namespace XWebhooks.Events.Activity;

/// <summary>
/// XAA <c>chat.update.group_name</c>: a group chat was renamed. Listed in the API spec only (no docs, no example); chat payload shape assumed. Private event (<c>dm.read</c>).
/// </summary>
[XEventType(XProduct.Activity, "chat.update.group_name")]
public sealed class ChatGroupNameUpdated : ActivityEvent<ChatPayload>, IXEvent<ChatGroupNameUpdated>
{
    /// <summary>Source-generated JSON metadata for <see cref="ChatGroupNameUpdated"/>.</summary>
    public static JsonTypeInfo<ChatGroupNameUpdated> JsonTypeInfo => XActivityJsonContext.Default.ChatGroupNameUpdated;
}
