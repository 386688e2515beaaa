namespace XWebhooks.Management;

/// <summary>
/// What <c>EnsureWebhookRegistered</c> found or did at startup, as a singleton: the resolved
/// <see cref="WebhookId"/> for gap recovery, health checks and <c>EnsureActivitySubscriptions</c>.
/// </summary>
public sealed class XWebhookRegistration
{
    private readonly TaskCompletionSource<string?> resolved = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile State state = new(XWebhookRegistrationStatus.Pending, null, null, null, null, []);

    /// <summary>The public URL the webhook is registered for, once resolved.</summary>
    public Uri? Url => state.Url;

    /// <summary>X's id of the webhook; null until the startup check found or created it (or when it failed to).</summary>
    public string? WebhookId => state.WebhookId;

    /// <summary>Whether X reports the webhook valid; null until known.</summary>
    public bool? Valid => state.Valid;

    /// <summary>The outcome of the startup check.</summary>
    public XWebhookRegistrationStatus Status => state.Status;

    /// <summary>Why the webhook or subscription check failed; null when it did not.</summary>
    public string? Error => state.Error;

    /// <summary>The X Activity subscriptions ensured at startup (found or created), once done.</summary>
    public IReadOnlyList<XActivitySubscription> ActivitySubscriptions => state.Subscriptions;

    /// <summary>
    /// Completes when the webhook check has finished (the app may already be serving): with the webhook id, or null
    /// when the check failed before the webhook was found.
    /// </summary>
    public Task<string?> WaitForWebhookIdAsync(CancellationToken ct = default) => resolved.Task.WaitAsync(ct);

    internal void SetWebhook(Uri url, XWebhookRegistrationStatus status, string? webhookId, bool? valid, string? error)
    {
        state = state with { Status = status, Url = url, WebhookId = webhookId, Valid = valid, Error = error };
        resolved.TrySetResult(webhookId);
    }

    internal void SetSubscriptions(IReadOnlyList<XActivitySubscription> subscriptions, string? error) =>
        state = state with { Subscriptions = subscriptions, Error = error ?? state.Error };

    /// <summary>Ends waiting when no webhook check is configured or the app stops first.</summary>
    internal void Abandon() => resolved.TrySetResult(state.WebhookId);

    // One immutable snapshot so readers never see a status from one update and an id from another.
    private sealed record State(XWebhookRegistrationStatus Status, Uri? Url, string? WebhookId, bool? Valid, string? Error, IReadOnlyList<XActivitySubscription> Subscriptions);
}
