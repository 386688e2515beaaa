using XWebhooks.Recovery;

namespace XWebhooks.Health;

/// <summary>
/// Asks X about the webhook at most once per cache duration, one caller at a time, so health probes (often every
/// few seconds, from several probes) never approach the management API's rate limit. Failures are cached too.
/// </summary>
internal sealed class WebhookStatusCache(IXWebhookManagement management, TimeProvider timeProvider)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private WebhookStatus? cached;

    public async Task<WebhookStatus> GetAsync(string webhookId, TimeSpan cacheDuration, CancellationToken cancellationToken)
    {
        if (Fresh(webhookId, cacheDuration) is { } hit)
        {
            return hit;
        }

        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Fresh(webhookId, cacheDuration) is { } raced)
            {
                return raced;
            }

            WebhookStatus status;
            try
            {
                var valid = await management.GetWebhookValidAsync(webhookId, cancellationToken).ConfigureAwait(false);
                status = new WebhookStatus(webhookId, valid, valid is not null, null, timeProvider.GetUtcNow());
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                status = new WebhookStatus(webhookId, null, false, $"{ex.GetType().Name}: {ex.Message}", timeProvider.GetUtcNow());
            }

            Volatile.Write(ref cached, status);
            return status;
        }
        finally
        {
            gate.Release();
        }
    }

    private WebhookStatus? Fresh(string webhookId, TimeSpan cacheDuration) =>
        Volatile.Read(ref cached) is { } status && status.WebhookId == webhookId && timeProvider.GetUtcNow() - status.CheckedAt < cacheDuration
            ? status
            : null;
}
