namespace XWebhooks.Management;

/// <summary>Settings of the startup registration added by <c>EnsureWebhookRegistered</c> and <c>EnsureActivitySubscriptions</c>.</summary>
public sealed class XWebhookRegistrationOptions
{
    /// <summary>
    /// When true, a failed check stops startup (the host's <c>StartAsync</c>/<c>Run</c> throws) and the check runs before
    /// the app reports started. Default false: the failure is logged as an error, recorded on
    /// <see cref="XWebhookRegistration"/>, and the app keeps running; the check then runs in the background.
    /// </summary>
    public bool FailStartupOnError { get; set; }

    /// <summary>Resolves the public URL once the server listens (so it may read the bound address).</summary>
    internal Func<IServiceProvider, Uri>? PublicUrl { get; set; }

    internal List<XActivitySubscriptionRequest> Subscriptions { get; } = [];
}
