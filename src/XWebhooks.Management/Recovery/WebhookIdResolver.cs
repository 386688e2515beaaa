using Microsoft.Extensions.Options;

namespace XWebhooks.Recovery;

/// <summary>
/// The one rule for which webhook gap recovery replays and the health check asks X about:
/// <c>XWebhooks:GapRecovery:WebhookId</c> when set, else the id <c>EnsureWebhookRegistered</c> resolved at start.
/// </summary>
internal sealed class WebhookIdResolver(IOptions<XWebhooksGapRecoveryOptions> gapRecovery, IXWebhookManagement management)
{
    /// <summary>The id known now (null while registration is still resolving it, or when there is none).</summary>
    public string? Current => gapRecovery.Value.WebhookId ?? management.RegisteredWebhookId;

    /// <summary>The id, waiting for registration to resolve it when it is not configured; null when there is none.</summary>
    public Task<string?> WaitAsync(CancellationToken cancellationToken) =>
        gapRecovery.Value.WebhookId is { } configured
            ? Task.FromResult<string?>(configured)
            : management.WaitForRegisteredWebhookIdAsync(cancellationToken);
}
