using System.Text.Json.Serialization.Metadata;
using XWebhooks.Serialization;

namespace XWebhooks.Events.Activity;

/// <summary>
/// XAA <c>profile.update.profile_picture</c>: the filtered user changed their profile picture (before/after are image URLs). Public event.
/// </summary>
[XEventType(XProduct.Activity, "profile.update.profile_picture")]
public sealed class ProfilePictureUpdated : ActivityEvent<ProfileUpdatePayload>, IXEvent<ProfilePictureUpdated>
{
    /// <summary>Source-generated JSON metadata for <see cref="ProfilePictureUpdated"/>.</summary>
    public static JsonTypeInfo<ProfilePictureUpdated> JsonTypeInfo => XActivityJsonContext.Default.ProfilePictureUpdated;
}
