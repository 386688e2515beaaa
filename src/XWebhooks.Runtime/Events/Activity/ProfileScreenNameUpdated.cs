using System.Text.Json.Serialization.Metadata;
using XWebhooks.Serialization;

namespace XWebhooks.Events.Activity;

/// <summary>
/// XAA <c>profile.update.screenname</c>: the filtered user changed their display name (X calls it screenname; the @handle is <see cref="ProfileHandleUpdated"/>). Public event.
/// </summary>
[XEventType(XProduct.Activity, "profile.update.screenname")]
public sealed class ProfileScreenNameUpdated : ActivityEvent<ProfileUpdatePayload>, IXEvent<ProfileScreenNameUpdated>
{
    /// <summary>Source-generated JSON metadata for <see cref="ProfileScreenNameUpdated"/>.</summary>
    public static JsonTypeInfo<ProfileScreenNameUpdated> JsonTypeInfo => XActivityJsonContext.Default.ProfileScreenNameUpdated;
}
