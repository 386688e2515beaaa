using System.Text.Json.Serialization.Metadata;
using XWebhooks.Serialization;

namespace XWebhooks.Events.Activity;

/// <summary>
/// XAA <c>profile.update.affiliate_badge</c>: the filtered user's affiliate badge changed. No example in the docs; same before/after shape. Public event.
/// </summary>
[XEventType(XProduct.Activity, "profile.update.affiliate_badge")]
public sealed class ProfileAffiliateBadgeUpdated : ActivityEvent<ProfileUpdatePayload>, IXEvent<ProfileAffiliateBadgeUpdated>
{
    /// <summary>Source-generated JSON metadata for <see cref="ProfileAffiliateBadgeUpdated"/>.</summary>
    public static JsonTypeInfo<ProfileAffiliateBadgeUpdated> JsonTypeInfo => XActivityJsonContext.Default.ProfileAffiliateBadgeUpdated;
}
