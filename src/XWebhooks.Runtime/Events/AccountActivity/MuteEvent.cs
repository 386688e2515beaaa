using System.Text.Json.Serialization.Metadata;
using XWebhooks.Serialization;

namespace XWebhooks.Events.AccountActivity;

/// <summary>
/// An Account Activity <c>mute_events</c> element with <c>"type":"mute"</c>. X sends it when the subscribed user mutes someone (the docs list mutes "by/of" the user).
/// </summary>
/// <remarks>Elements of <c>mute_events</c> whose <c>type</c> is <c>unmute</c> are <see cref="UnmuteEvent"/>s.</remarks>
[XEventType(XProduct.AccountActivity, "mute_events")]
public sealed class MuteEvent : AccountActivityRelationshipEvent, IXEvent<MuteEvent>
{
    /// <summary>Source-generated JSON metadata for this type.</summary>
    public static JsonTypeInfo<MuteEvent> JsonTypeInfo => XAccountActivityJsonContext.Default.MuteEvent;
}
