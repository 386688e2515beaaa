using System.Text.Json.Serialization.Metadata;
using XWebhooks.Serialization;

namespace XWebhooks.Events.AccountActivity;

/// <summary>
/// An Account Activity <c>block_events</c> element with <c>"type":"block"</c>. X sends it when the subscribed user blocks someone (the docs list blocks "by/of" the user).
/// </summary>
/// <remarks>Elements of <c>block_events</c> whose <c>type</c> is <c>unblock</c> are <see cref="UnblockEvent"/>s.</remarks>
[XEventType(XProduct.AccountActivity, "block_events")]
public sealed class BlockEvent : AccountActivityRelationshipEvent, IXEvent<BlockEvent>
{
    /// <summary>Source-generated JSON metadata for this type.</summary>
    public static JsonTypeInfo<BlockEvent> JsonTypeInfo => XAccountActivityJsonContext.Default.BlockEvent;
}
