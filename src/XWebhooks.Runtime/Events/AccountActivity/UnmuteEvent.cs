using System.Text.Json.Serialization.Metadata;
using XWebhooks.Serialization;

namespace XWebhooks.Events.AccountActivity;

/// <summary>
/// An Account Activity unmute (<c>"type":"unmute"</c>). X sends it when the subscribed user unmutes someone (the docs list unmutes "by/of" the user).
/// </summary>
/// <remarks>X documents this kind as <c>unmute_events</c> but its example sends it inside <c>mute_events</c>; the runtime routes both forms here.</remarks>
[XEventType(XProduct.AccountActivity, "unmute_events")]
public sealed class UnmuteEvent : AccountActivityRelationshipEvent, IXEvent<UnmuteEvent>
{
    /// <summary>Source-generated JSON metadata for this type.</summary>
    public static JsonTypeInfo<UnmuteEvent> JsonTypeInfo => XAccountActivityJsonContext.Default.UnmuteEvent;
}
