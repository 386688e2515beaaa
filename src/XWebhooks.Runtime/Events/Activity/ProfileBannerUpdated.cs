using System.Text.Json.Serialization.Metadata;
using XWebhooks.Serialization;

namespace XWebhooks.Events.Activity;

/// <summary>
/// XAA <c>profile.update.banner_picture</c>: the filtered user changed their profile banner (before/after are image URLs). Public event.
/// </summary>
[XEventType(XProduct.Activity, "profile.update.banner_picture")]
public sealed class ProfileBannerUpdated : ActivityEvent<ProfileUpdatePayload>, IXEvent<ProfileBannerUpdated>
{
    /// <summary>Source-generated JSON metadata for <see cref="ProfileBannerUpdated"/>.</summary>
    public static JsonTypeInfo<ProfileBannerUpdated> JsonTypeInfo => XActivityJsonContext.Default.ProfileBannerUpdated;
}
