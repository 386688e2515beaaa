using System.Text.Json.Serialization.Metadata;
using XWebhooks.Serialization;

namespace XWebhooks.Events.Activity;

/// <summary>
/// XAA <c>profile.update.verified_badge</c>: the filtered user's verified badge changed. No example in the docs; same before/after shape. Public event.
/// </summary>
[XEventType(XProduct.Activity, "profile.update.verified_badge")]
public sealed class ProfileVerifiedBadgeUpdated : ActivityEvent<ProfileUpdatePayload>, IXEvent<ProfileVerifiedBadgeUpdated>
{
    /// <summary>Source-generated JSON metadata for <see cref="ProfileVerifiedBadgeUpdated"/>.</summary>
    public static JsonTypeInfo<ProfileVerifiedBadgeUpdated> JsonTypeInfo => XActivityJsonContext.Default.ProfileVerifiedBadgeUpdated;
}
