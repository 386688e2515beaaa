using System.Text.Json.Serialization.Metadata;
using XWebhooks.Serialization;

namespace XWebhooks.Events.Activity;

/// <summary>
/// XAA <c>profile.update.url</c>: the filtered user changed their profile website (before/after are t.co URLs). Public event.
/// </summary>
[XEventType(XProduct.Activity, "profile.update.url")]
public sealed class ProfileUrlUpdated : ActivityEvent<ProfileUpdatePayload>, IXEvent<ProfileUrlUpdated>
{
    /// <summary>Source-generated JSON metadata for <see cref="ProfileUrlUpdated"/>.</summary>
    public static JsonTypeInfo<ProfileUrlUpdated> JsonTypeInfo => XActivityJsonContext.Default.ProfileUrlUpdated;
}
