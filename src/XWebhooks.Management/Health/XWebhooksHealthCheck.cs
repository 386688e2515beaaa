using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using XWebhooks.Recovery;

namespace XWebhooks.Health;

/// <summary>
/// Unhealthy (the registration's failure status) when X reports the webhook invalid or unknown, or when no CRC was
/// answered for longer than <see cref="XWebhooksHealthCheckOptions.CrcStaleAfter"/>; Degraded when too many signed
/// requests fail verification, or when X could not be asked. The data carries the facts behind the verdict.
/// </summary>
internal sealed class XWebhooksHealthCheck(
    XWebhooksHealthState state,
    IOptions<XWebhooksHealthCheckOptions> options,
    IOptions<XWebhooksGapRecoveryOptions> gapRecovery,
    IXWebhookManagement management,
    WebhookStatusCache webhookStatus,
    TimeProvider timeProvider) : IHealthCheck
{
    private readonly WebhookIdResolver webhookIds = new(gapRecovery, management);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var now = timeProvider.GetUtcNow();
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        var failed = new List<string>();
        var degraded = new List<string>();

        // CRC: X re-validates at least daily; silence longer than that means X cannot reach or no longer checks us.
        var lastCrc = state.LastCrcAnsweredAt;
        var crcAge = now - (lastCrc ?? state.StartedAt);
        data["last_crc_age_seconds"] = Math.Round(crcAge.TotalSeconds);
        data["last_crc_measured_from"] = lastCrc is null ? "start" : "last_crc";
        if (lastCrc is { } at)
        {
            data["last_crc_answered_at"] = at.ToString("O", CultureInfo.InvariantCulture);
        }

        if (crcAge > settings.CrcStaleAfter)
        {
            failed.Add(lastCrc is null
                ? $"No CRC challenge answered since start {Format(crcAge)} ago (threshold {Format(settings.CrcStaleAfter)})."
                : $"No CRC challenge answered for {Format(crcAge)} (threshold {Format(settings.CrcStaleAfter)}).");
        }

        // Signatures: a wrong or half-rotated secret, or forgeries.
        var (verified, failures) = state.SignatureCounts();
        var attempts = verified + failures;
        var rate = attempts == 0 ? 0d : (double)failures / attempts;
        data["signature_attempts"] = attempts;
        data["signature_failures"] = failures;
        data["signature_failure_rate"] = Math.Round(rate, 4);
        if (attempts >= settings.MinimumSignatureAttempts && rate > settings.SignatureFailureRateThreshold)
        {
            degraded.Add($"{failures} of {attempts} signed requests in the last {Format(settings.SignatureWindow)} failed verification ({rate:P0}; threshold {settings.SignatureFailureRateThreshold:P0}).");
        }

        // The webhook at X: invalid means X stopped delivering until it passes a CRC again (PUT /2/webhooks/:id).
        var webhookId = settings.WebhookId ?? webhookIds.Current;
        if (settings.CheckWebhookAtX && management.IsAvailable && webhookId is not null)
        {
            var status = await webhookStatus.GetAsync(webhookId, settings.WebhookStatusCacheDuration, cancellationToken).ConfigureAwait(false);
            data["webhook_id"] = webhookId;
            data["webhook_checked_at"] = status.CheckedAt.ToString("O", CultureInfo.InvariantCulture);
            if (status.Error is { } error)
            {
                data["webhook_valid"] = "unknown";
                degraded.Add($"Could not ask X about webhook {webhookId}: {error}");
            }
            else if (!status.Listed)
            {
                data["webhook_valid"] = false;
                failed.Add($"X lists no webhook with id {webhookId}.");
            }
            else
            {
                data["webhook_valid"] = status.Valid == true;
                if (status.Valid != true)
                {
                    failed.Add($"X reports webhook {webhookId} invalid: it delivers no events until it passes a CRC again (PUT /2/webhooks/{webhookId}).");
                }
            }
        }

        if (failed.Count > 0)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, string.Join(" ", failed.Concat(degraded)), data: data);
        }

        return degraded.Count > 0
            ? HealthCheckResult.Degraded(string.Join(" ", degraded), data: data)
            : HealthCheckResult.Healthy("X webhook receiver healthy.", data);
    }

    private static string Format(TimeSpan span) => span.ToString(span.TotalDays >= 1 ? @"d\.hh\:mm\:ss" : @"hh\:mm\:ss", CultureInfo.InvariantCulture);
}
