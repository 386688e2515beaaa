using System.Text.Json.Serialization.Metadata;
using XWebhooks.Serialization;

namespace XWebhooks.Events.Activity;

/// <summary>
/// XAA <c>oauth.revoke</c>: a user revoked your app's access; clean up their local state. The <c>filter</c> may be empty.
/// </summary>
[XEventType(XProduct.Activity, "oauth.revoke")]
public sealed class OAuthRevoked : ActivityEvent<OAuthRevokePayload>, IXEvent<OAuthRevoked>
{
    /// <summary>Source-generated JSON metadata for <see cref="OAuthRevoked"/>.</summary>
    public static JsonTypeInfo<OAuthRevoked> JsonTypeInfo => XActivityJsonContext.Default.OAuthRevoked;
}
