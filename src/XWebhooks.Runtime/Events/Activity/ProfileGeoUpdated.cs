using System.Text.Json.Serialization.Metadata;
using XWebhooks.Serialization;

namespace XWebhooks.Events.Activity;

/// <summary>
/// XAA <c>profile.update.geo</c>: the filtered user changed their profile location. Public event.
/// </summary>
[XEventType(XProduct.Activity, "profile.update.geo")]
public sealed class ProfileGeoUpdated : ActivityEvent<ProfileUpdatePayload>, IXEvent<ProfileGeoUpdated>
{
    /// <summary>Source-generated JSON metadata for <see cref="ProfileGeoUpdated"/>.</summary>
    public static JsonTypeInfo<ProfileGeoUpdated> JsonTypeInfo => XActivityJsonContext.Default.ProfileGeoUpdated;
}
