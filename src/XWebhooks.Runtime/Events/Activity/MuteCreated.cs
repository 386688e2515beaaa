using System.Text.Json.Serialization.Metadata;
using XWebhooks.Serialization;

namespace XWebhooks.Events.Activity;

/// <summary>
/// XAA <c>mute.mute</c>: the filtered user muted someone (<c>source</c> mutes <c>target</c>; the filter matches the actor only). No example in the docs; follow-like shape. Private event (<c>mute.read</c>).
/// </summary>
[XEventType(XProduct.Activity, "mute.mute")]
public sealed class MuteCreated : ActivityEvent<UserPairPayload>, IXEvent<MuteCreated>
{
    /// <summary>Source-generated JSON metadata for <see cref="MuteCreated"/>.</summary>
    public static JsonTypeInfo<MuteCreated> JsonTypeInfo => XActivityJsonContext.Default.MuteCreated;
}
