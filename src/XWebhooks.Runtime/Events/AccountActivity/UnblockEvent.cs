using System.Text.Json.Serialization.Metadata;
using XWebhooks.Serialization;

namespace XWebhooks.Events.AccountActivity;

/// <summary>
/// An Account Activity unblock (<c>"type":"unblock"</c>). X sends it when the subscribed user unblocks someone (the docs list unblocks "by/of" the user).
/// </summary>
/// <remarks>X documents this kind as <c>unblock_events</c> but its example sends it inside <c>block_events</c>; the runtime routes both forms here.</remarks>
[XEventType(XProduct.AccountActivity, "unblock_events")]
public sealed class UnblockEvent : AccountActivityRelationshipEvent, IXEvent<UnblockEvent>
{
    /// <summary>Source-generated JSON metadata for this type.</summary>
    public static JsonTypeInfo<UnblockEvent> JsonTypeInfo => XAccountActivityJsonContext.Default.UnblockEvent;
}
