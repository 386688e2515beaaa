using System.Text.Json.Serialization.Metadata;
using XWebhooks.Serialization;

namespace XWebhooks.Events.Activity;

/// <summary>
/// XAA <c>dm.indicate_typing</c>: a participant is typing a legacy DM to the filtered user. No example in the docs; the Account Activity typing shape is assumed. Private event (<c>dm.read</c>).
/// </summary>
[XEventType(XProduct.Activity, "dm.indicate_typing")]
public sealed class DirectMessageTyping : ActivityEvent<DmPayload>, IXEvent<DirectMessageTyping>
{
    /// <summary>Source-generated JSON metadata for <see cref="DirectMessageTyping"/>.</summary>
    public static JsonTypeInfo<DirectMessageTyping> JsonTypeInfo => XActivityJsonContext.Default.DirectMessageTyping;
}
