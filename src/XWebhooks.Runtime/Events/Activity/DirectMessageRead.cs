using System.Text.Json.Serialization.Metadata;
using XWebhooks.Serialization;

namespace XWebhooks.Events.Activity;

/// <summary>
/// XAA <c>dm.read</c>: a participant read the filtered user's legacy DM (read receipt). No example in the docs; the Account Activity read-receipt shape is assumed. Private event (<c>dm.read</c>).
/// </summary>
[XEventType(XProduct.Activity, "dm.read")]
public sealed class DirectMessageRead : ActivityEvent<DmPayload>, IXEvent<DirectMessageRead>
{
    /// <summary>Source-generated JSON metadata for <see cref="DirectMessageRead"/>.</summary>
    public static JsonTypeInfo<DirectMessageRead> JsonTypeInfo => XActivityJsonContext.Default.DirectMessageRead;
}
