namespace XWebhooks.Events.Activity;

/// <summary>The <c>payload</c> of <c>oauth.revoke</c>: which user revoked which app's access, and when.</summary>
public sealed class OAuthRevokePayload
{
    /// <summary>When the access was revoked.</summary>
    public DateTimeOffset? DateTime { get; init; }

    /// <summary>The user who revoked access.</summary>
    public string? UserId { get; init; }

    /// <summary>The app whose access was revoked.</summary>
    public string? AppId { get; init; }
}
