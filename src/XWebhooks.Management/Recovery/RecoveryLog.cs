using Microsoft.Extensions.Logging;

namespace XWebhooks.Recovery;

/// <summary>Source-generated log messages of the delivery watermark and gap recovery.</summary>
internal static partial class RecoveryLog
{
    [LoggerMessage(701, LogLevel.Error, "Could not read the delivery watermark; gap recovery cannot run in this start")]
    public static partial void WatermarkReadFailed(ILogger logger, Exception exception);

    [LoggerMessage(702, LogLevel.Warning, "Could not write the delivery watermark; retrying at the next flush")]
    public static partial void WatermarkWriteFailed(ILogger logger, Exception exception);

    [LoggerMessage(710, LogLevel.Information, "Gap recovery: no delivery watermark stored (first run), nothing to replay")]
    public static partial void FirstRun(ILogger logger);

    [LoggerMessage(711, LogLevel.Warning, "Gap recovery: the delivery watermark is kept in memory only, so every start looks like a first run; add a durable inbox (AddSqliteInbox or AddRedisInbox) to recover downtime")]
    public static partial void WatermarkNotDurable(ILogger logger);

    [LoggerMessage(712, LogLevel.Information, "Gap recovery: last delivery {LastReceived:O}, {Gap} before this start; within the {MinimumGap} minimum gap, nothing to replay")]
    public static partial void GapTooSmall(ILogger logger, DateTimeOffset lastReceived, TimeSpan gap, TimeSpan minimumGap);

    [LoggerMessage(713, LogLevel.Warning, "Gap recovery: down for {Gap} since the last delivery ({LastReceived:O}) but no webhook id or management client is configured (AddXWebhooksClient and WebhookId); events of the gap are not replayed")]
    public static partial void NotConfigured(ILogger logger, TimeSpan gap, DateTimeOffset lastReceived);

    [LoggerMessage(714, LogLevel.Information, "Gap recovery: down for {Gap} since the last delivery ({LastReceived:O}); requesting the replay of {From:O} to {To:O} in {Delay}, once to_date is old enough for X")]
    public static partial void Waiting(ILogger logger, TimeSpan gap, DateTimeOffset lastReceived, DateTimeOffset from, DateTimeOffset to, TimeSpan delay);

    [LoggerMessage(715, LogLevel.Warning, "Gap recovery: X replays at most the last 24 hours; the replay starts at {From:O} instead of {WantedFrom:O}, so events before that cannot be recovered")]
    public static partial void WindowCapped(ILogger logger, DateTimeOffset from, DateTimeOffset wantedFrom);

    [LoggerMessage(716, LogLevel.Information, "Gap recovery: X created replay job {JobId} for webhook {WebhookId}, {From:O} to {To:O} (down for {Gap}); dedupe drops events that were already handled")]
    public static partial void ReplayCreated(ILogger logger, string? jobId, string webhookId, DateTimeOffset from, DateTimeOffset to, TimeSpan gap);

    [LoggerMessage(717, LogLevel.Warning, "Gap recovery: X refused the replay of {From:O} to {To:O} for webhook {WebhookId} ({Outcome}): {Detail}")]
    public static partial void ReplayRefused(ILogger logger, DateTimeOffset from, DateTimeOffset to, string webhookId, ReplayRequestOutcome outcome, string? detail);

    [LoggerMessage(718, LogLevel.Warning, "Gap recovery: the replay request failed (attempt {Attempt} of {Attempts})")]
    public static partial void ReplayRequestFailed(ILogger logger, Exception exception, int attempt, int attempts);

    [LoggerMessage(719, LogLevel.Warning, "Gap recovery: no dedupe store is configured, so replayed events that were already handled reach handlers again; add a durable inbox")]
    public static partial void NoDedupe(ILogger logger);
}
