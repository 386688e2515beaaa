using System.Text.Json.Serialization.Metadata;
using XWebhooks.Serialization;

namespace XWebhooks.Events.Activity;

/// <summary>
/// XAA <c>profile.update.bio</c>: the filtered user changed their bio. Public event.
/// </summary>
[XEventType(XProduct.Activity, "profile.update.bio")]
public sealed class ProfileBioUpdated : ActivityEvent<ProfileUpdatePayload>, IXEvent<ProfileBioUpdated>
{
    /// <summary>Source-generated JSON metadata for <see cref="ProfileBioUpdated"/>.</summary>
    public static JsonTypeInfo<ProfileBioUpdated> JsonTypeInfo => XActivityJsonContext.Default.ProfileBioUpdated;
}
