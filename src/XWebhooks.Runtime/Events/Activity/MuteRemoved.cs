using System.Text.Json.Serialization.Metadata;
using XWebhooks.Serialization;

namespace XWebhooks.Events.Activity;

/// <summary>
/// XAA <c>mute.unmute</c>: the filtered user unmuted someone (<c>source</c> unmutes <c>target</c>). No example in the docs; follow-like shape. Private event (<c>mute.read</c>).
/// </summary>
[XEventType(XProduct.Activity, "mute.unmute")]
public sealed class MuteRemoved : ActivityEvent<UserPairPayload>, IXEvent<MuteRemoved>
{
    /// <summary>Source-generated JSON metadata for <see cref="MuteRemoved"/>.</summary>
    public static JsonTypeInfo<MuteRemoved> JsonTypeInfo => XActivityJsonContext.Default.MuteRemoved;
}
