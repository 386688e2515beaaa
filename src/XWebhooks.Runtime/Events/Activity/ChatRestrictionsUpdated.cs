using System.Text.Json.Serialization.Metadata;
using XWebhooks.Serialization;

namespace XWebhooks.Events.Activity;

/// <summary>
/// XAA <c>chat.update.restrictions</c>: a chat's restrictions changed. Listed in the API spec only (no docs, no example); chat payload shape assumed. Private event (<c>dm.read</c>).
/// </summary>
[XEventType(XProduct.Activity, "chat.update.restrictions")]
public sealed class ChatRestrictionsUpdated : ActivityEvent<ChatPayload>, IXEvent<ChatRestrictionsUpdated>
{
    /// <summary>Source-generated JSON metadata for <see cref="ChatRestrictionsUpdated"/>.</summary>
    public static JsonTypeInfo<ChatRestrictionsUpdated> JsonTypeInfo => XActivityJsonContext.Default.ChatRestrictionsUpdated;
}
