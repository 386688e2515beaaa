using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using XWebhooks.Delivery;
using XWebhooks.Diagnostics;
using XWebhooks.Inbox;

namespace XWebhooks.Recovery;

/// <summary>
/// Once per start: reads the previous run's delivery watermark and, when the application was down longer than
/// <see cref="XWebhooksGapRecoveryOptions.MinimumGap"/>, asks X to replay the downtime (from the watermark minus the
/// margin, capped to X's 24 hours, to the start). Events the previous run already handled come again and are
/// dropped by dedupe. Runs in the background: the application starts receiving at once.
/// </summary>
internal sealed class GapRecoveryService(
    DeliveryWatermarkRecorder recorder,
    IXDeliveryWatermark store,
    IXWebhookManagement management,
    IOptions<XWebhooksGapRecoveryOptions> options,
    GapRecoveryMetrics metrics,
    TimeProvider timeProvider,
    ILogger<GapRecoveryService> logger,
    IXWebhookDedupe? dedupe = null) : BackgroundService
{
    private readonly XWebhooksGapRecoveryOptions settings = options.Value;
    private readonly DateTimeOffset startedAt = timeProvider.GetUtcNow();
    private readonly WebhookIdResolver webhookIds = new(options, management);

    /// <summary>Waits between attempts when X cannot be reached (not when it refuses): one initial try plus one per delay.</summary>
    internal TimeSpan[] RetryDelays { get; init; } = [TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1)];

    /// <summary>The outcome of this start's decision (an <see cref="XWebhooksOutcomes"/> gap-recovery value), once made.</summary>
    internal Task<string> Completion => completion.Task;

    private readonly TaskCompletionSource<string> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var (outcome, capped) = await RecoverAsync(stoppingToken).ConfigureAwait(false);
            metrics.Completed(outcome, capped);
            completion.TrySetResult(outcome);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            completion.TrySetCanceled(stoppingToken);
        }
    }

    private async Task<(string Outcome, bool Capped)> RecoverAsync(CancellationToken stoppingToken)
    {
        DateTimeOffset? last;
        try
        {
            last = await recorder.PreviousRun.WaitAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (Exception) when (!stoppingToken.IsCancellationRequested)
        {
            // The flusher logged why the store could not be read.
            return (XWebhooksOutcomes.ReplayFailed, false);
        }

        var plan = GapRecoveryPlanner.Plan(last, startedAt, settings);
        switch (plan.Decision)
        {
            case GapRecoveryDecision.NoWatermark:
                if (store is InMemoryDeliveryWatermark)
                {
                    RecoveryLog.WatermarkNotDurable(logger);
                }

                RecoveryLog.FirstRun(logger);
                return (XWebhooksOutcomes.ReplayNoWatermark, false);
            case GapRecoveryDecision.GapTooSmall:
                RecoveryLog.GapTooSmall(logger, plan.LastReceived!.Value, plan.Gap, settings.MinimumGap);
                return (XWebhooksOutcomes.ReplayGapTooSmall, false);
        }

        var webhookId = await webhookIds.WaitAsync(stoppingToken).ConfigureAwait(false);
        if (!management.IsAvailable || webhookId is null)
        {
            RecoveryLog.NotConfigured(logger, plan.Gap, plan.LastReceived!.Value);
            return (XWebhooksOutcomes.ReplayNotConfigured, false);
        }

        if (dedupe is null)
        {
            RecoveryLog.NoDedupe(logger);
        }

        // X wants to_date at least MinimumToDateAge in the past: wait rather than cut the end of the gap off.
        var delay = plan.To + settings.MinimumToDateAge - timeProvider.GetUtcNow();
        if (delay > TimeSpan.Zero)
        {
            RecoveryLog.Waiting(logger, plan.Gap, plan.LastReceived!.Value, plan.From, plan.To, delay);
            await Task.Delay(delay, timeProvider, stoppingToken).ConfigureAwait(false);
        }

        return await RequestAsync(webhookId, plan, stoppingToken).ConfigureAwait(false);
    }

    private async Task<(string Outcome, bool Capped)> RequestAsync(string webhookId, GapRecoveryPlan plan, CancellationToken stoppingToken)
    {
        var attempts = RetryDelays.Length + 1;
        for (var attempt = 1; ; attempt++)
        {
            // Capped per attempt: the 24 hours are counted when X receives the request.
            var (from, capped) = GapRecoveryPlanner.CapToReplayWindow(plan.From, timeProvider.GetUtcNow());
            if (capped && attempt == 1)
            {
                RecoveryLog.WindowCapped(logger, from, plan.From);
            }

            ReplayRequestResult result;
            try
            {
                result = await management.CreateReplayJobAsync(webhookId, from, plan.To, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                RecoveryLog.ReplayRequestFailed(logger, ex, attempt, attempts);
                if (attempt == attempts)
                {
                    return (XWebhooksOutcomes.ReplayFailed, capped);
                }

                await Task.Delay(RetryDelays[attempt - 1], timeProvider, stoppingToken).ConfigureAwait(false);
                continue;
            }

            if (result.Outcome == ReplayRequestOutcome.Created)
            {
                RecoveryLog.ReplayCreated(logger, result.JobId, webhookId, from, plan.To, plan.Gap);
                return (XWebhooksOutcomes.ReplayCreated, capped);
            }

            // A refusal does not get better by asking again: a running job (conflict) already covers recent events,
            // and a refused window stays refused.
            RecoveryLog.ReplayRefused(logger, from, plan.To, webhookId, result.Outcome, result.Detail);
            return (result.Outcome switch
            {
                ReplayRequestOutcome.Conflict => XWebhooksOutcomes.ReplayConflict,
                ReplayRequestOutcome.InvalidWindow => XWebhooksOutcomes.ReplayInvalidWindow,
                _ => XWebhooksOutcomes.ReplayRejected,
            }, capped);
        }
    }
}
