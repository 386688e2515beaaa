using System.Text.Json.Serialization.Metadata;
using XWebhooks.Serialization;

namespace XWebhooks.Events.Activity;

/// <summary>
/// XAA <c>profile.update.handle</c>: the filtered user changed their @handle. No example in the docs; same before/after shape. Public event.
/// </summary>
[XEventType(XProduct.Activity, "profile.update.handle")]
public sealed class ProfileHandleUpdated : ActivityEvent<ProfileUpdatePayload>, IXEvent<ProfileHandleUpdated>
{
    /// <summary>Source-generated JSON metadata for <see cref="ProfileHandleUpdated"/>.</summary>
    public static JsonTypeInfo<ProfileHandleUpdated> JsonTypeInfo => XActivityJsonContext.Default.ProfileHandleUpdated;
}
