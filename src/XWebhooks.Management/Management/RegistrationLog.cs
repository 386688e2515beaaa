using Microsoft.Extensions.Logging;

namespace XWebhooks.Management;

/// <summary>Source-generated log messages of the startup registration. Never tokens.</summary>
internal static partial class RegistrationLog
{
    [LoggerMessage(210, LogLevel.Information, "Webhook {Url} is registered with X as {WebhookId} and valid")]
    public static partial void AlreadyRegistered(ILogger logger, Uri url, string webhookId);

    [LoggerMessage(211, LogLevel.Information, "Registered webhook {Url} with X as {WebhookId}")]
    public static partial void Created(ILogger logger, Uri url, string webhookId);

    [LoggerMessage(212, LogLevel.Warning, "Webhook {Url} ({WebhookId}) was invalid; X re-validated it with a new CRC check")]
    public static partial void Revalidated(ILogger logger, Uri url, string webhookId);

    [LoggerMessage(213, LogLevel.Error, "Webhook {Url} is registered as {WebhookId} but fails X's CRC check: X delivers nothing to it until PUT /2/webhooks/{WebhookId} succeeds. Check the consumer secret and that X can reach the URL")]
    public static partial void StillInvalid(ILogger logger, Uri url, string webhookId);

    [LoggerMessage(214, LogLevel.Error, "Could not make sure webhook {Url} is registered with X: {Error}")]
    public static partial void Failed(ILogger logger, Exception? exception, string url, string error);

    [LoggerMessage(215, LogLevel.Information, "X Activity subscriptions: {Present} already present, {Created} created, {Failed} failed")]
    public static partial void SubscriptionsEnsured(ILogger logger, int present, int created, int failed);

    [LoggerMessage(216, LogLevel.Error, "Could not create the X Activity subscription for {EventType}: {Error}")]
    public static partial void SubscriptionFailed(ILogger logger, Exception exception, string eventType, string error);

    [LoggerMessage(217, LogLevel.Error, "Could not ensure the X Activity subscriptions: {Error}")]
    public static partial void SubscriptionsFailed(ILogger logger, Exception? exception, string error);
}
