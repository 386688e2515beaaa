using Microsoft.Extensions.Logging;

namespace XWebhooks.Emulator;

internal static partial class EmulatorLog
{
    [LoggerMessage(1, LogLevel.Information, "Webhook {WebhookId} registered for {Url} (valid)")]
    public static partial void WebhookCreated(ILogger logger, string webhookId, string url);

    [LoggerMessage(2, LogLevel.Warning, "Webhook URL {Url} accepted only because it is on this machine: real X requires https on port 443")]
    public static partial void UrlRulesRelaxed(ILogger logger, string url);

    [LoggerMessage(3, LogLevel.Warning, "CRC check of {Url} failed: {Reason}")]
    public static partial void CrcFailed(ILogger logger, string url, string reason);

    [LoggerMessage(4, LogLevel.Information, "Delivery {DeliveryId} ({Kind}) to webhook {WebhookId}: attempt {Attempt} answered {Status} in {LatencyMs:0.0} ms")]
    public static partial void Attempted(ILogger logger, string deliveryId, string kind, string webhookId, int attempt, string status, double latencyMs);

    [LoggerMessage(5, LogLevel.Warning, "Delivery {DeliveryId} ({Kind}) to webhook {WebhookId} ended {State}")]
    public static partial void Ended(ILogger logger, string deliveryId, string kind, string webhookId, XEmulatorDeliveryState state);

    [LoggerMessage(6, LogLevel.Information, "Replay job {JobId} for webhook {WebhookId}: {Count} deliveries, {State}")]
    public static partial void ReplayFinished(ILogger logger, string jobId, string webhookId, int count, string state);

    [LoggerMessage(7, LogLevel.Warning, "Webhook {WebhookId} is now invalid: it receives nothing until a PUT /2/webhooks/{WebhookId} passes a CRC")]
    public static partial void WebhookInvalid(ILogger logger, string webhookId);
}
