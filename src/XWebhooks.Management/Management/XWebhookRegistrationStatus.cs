namespace XWebhooks.Management;

/// <summary>Outcome of the startup check made by <c>EnsureWebhookRegistered</c>.</summary>
public enum XWebhookRegistrationStatus
{
    /// <summary>Not finished yet (or not configured).</summary>
    Pending,

    /// <summary>The URL was already registered and valid.</summary>
    AlreadyRegistered,

    /// <summary>The URL was not registered; it was created (X's CRC passed).</summary>
    Created,

    /// <summary>The URL was registered but invalid; a PUT re-validation made it valid again.</summary>
    Revalidated,

    /// <summary>The check failed: see <see cref="XWebhookRegistration.Error"/>. <see cref="XWebhookRegistration.WebhookId"/> is set when the webhook exists but is invalid.</summary>
    Failed,
}
