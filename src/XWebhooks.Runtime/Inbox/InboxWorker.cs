using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using XWebhooks.Delivery;
using XWebhooks.Diagnostics;

namespace XWebhooks.Inbox;

/// <summary>
/// Processes stored deliveries: keeps up to <see cref="XWebhooksInboxOptions.MaxConcurrency"/> leased, runs the handlers of each delivery in its own DI scope, and
/// completes it, reschedules it with exponential backoff and jitter, or dead-letters it after
/// <see cref="XWebhooksInboxOptions.MaxAttempts"/> attempts (or at once when the body cannot be parsed).
/// </summary>
internal sealed class InboxWorker(
    IXWebhookInbox inbox,
    DeliveryProcessor processor,
    IServiceScopeFactory scopes,
    IOptions<XWebhooksInboxOptions> options,
    InboxSignal signal,
    XWebhooksMetrics metrics,
    TimeProvider timeProvider,
    ILogger<InboxWorker> logger) : BackgroundService
{
    private readonly XWebhooksInboxOptions settings = options.Value;
    private long lastStatsTimestamp;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A pipeline, not batches: whenever a delivery finishes while more are due, its slot is leased again at once.
        // Waiting for a whole batch would hold every slot behind the slowest delivery and the store's commits in between.
        // Once a lease came back short, nothing more is due until an append, a retry time or an expired lease: then a
        // finished delivery does not lease again (each lease is a commit on the store), the next append's signal or the
        // poll interval does. Under a backlog a lease waits for a few free slots (an eighth of them), not one.
        var running = new List<Task>(settings.MaxConcurrency);
        var backlogBatch = Math.Max(1, settings.MaxConcurrency / 8);
        var moreMayBeDue = true;
        Task? wake = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            running.RemoveAll(static task => task.IsCompleted);
            var free = settings.MaxConcurrency - running.Count;
            if (moreMayBeDue && (free >= backlogBatch || (free > 0 && running.Count == 0)))
            {
                try
                {
                    var leased = await inbox.LeaseAsync(free, settings.LeaseDuration, stoppingToken).ConfigureAwait(false);
                    await ObserveStatsAsync(stoppingToken).ConfigureAwait(false);
                    foreach (var entry in leased)
                    {
                        running.Add(RunAsync(entry, stoppingToken));
                    }

                    moreMayBeDue = leased.Count == free;
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception ex)
                {
                    InboxLog.StoreFailed(logger, ex);
                    moreMayBeDue = false;
                }

                if (moreMayBeDue && settings.MaxConcurrency - running.Count >= backlogBatch)
                {
                    continue;
                }
            }

            // With more due and the slots taken, wait for a slot to free; otherwise for a new append (or the poll
            // interval). One wait on the signal at a time: an abandoned wait would swallow a later wake-up.
            wake ??= signal.WaitAsync(settings.PollInterval, stoppingToken);
            try
            {
                await (moreMayBeDue && running.Count > 0 ? Task.WhenAny(running) : wake).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }

            if (wake.IsCompleted)
            {
                wake = null;
                moreMayBeDue = true;
            }
        }

        // Let in-flight deliveries see the cancelled token and finish; unfinished leases are retried after a restart.
        await Task.WhenAll(running).ConfigureAwait(false);
    }

    private async Task RunAsync(XInboxEntry entry, CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await ProcessAsync(entry, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the lease runs out (or is released on restart) and the entry is processed again.
        }
        catch (Exception ex)
        {
            // The store failed to complete or reschedule the entry: its lease runs out and it is processed again.
            InboxLog.StoreFailed(logger, ex);
        }
    }

    private async Task ObserveStatsAsync(CancellationToken stoppingToken)
    {
        if (lastStatsTimestamp != 0 && timeProvider.GetElapsedTime(lastStatsTimestamp) < settings.PollInterval)
        {
            return;
        }

        lastStatsTimestamp = timeProvider.GetTimestamp();
        var stats = await inbox.GetStatsAsync(stoppingToken).ConfigureAwait(false);
        metrics.InboxStatsObserved(stats.Depth, stats.OldestReceivedAt, stats.DeadLetters);
    }

    internal async ValueTask ProcessAsync(XInboxEntry entry, CancellationToken stoppingToken)
    {
        using var span = XWebhooksTracing.StartInboxAttempt(entry.TraceParent, entry.Id, entry.Attempt);
        LocatedDelivery located;
        try
        {
            located = processor.LocateStored(entry.Body, entry.EventIndex, entry.ReceivedAt, entry.Attempt);
        }
        catch (XDeliveryFormatException ex)
        {
            // Parsing will never succeed: retrying cannot help.
            await inbox.DeadLetterAsync(entry, ex.Message, stoppingToken).ConfigureAwait(false);
            metrics.InboxDeadLettered();
            InboxLog.DeadLettered(logger, entry.Id, entry.Attempt, ex.Message);
            XWebhooksTracing.InboxAttemptCompleted(span, XWebhooksTracing.InboxDeadLettered, product: null);
            return;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(settings.HandlerTimeout);
        try
        {
            var scope = scopes.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                await processor.DispatchAsync(located, scope.ServiceProvider, timeout.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            var outcome = await FailAsync(entry, Describe(ex, timeout.IsCancellationRequested), stoppingToken).ConfigureAwait(false);
            XWebhooksTracing.InboxAttemptCompleted(span, outcome, located.Delivery.Product);
            return;
        }

        await inbox.CompleteAsync(entry, stoppingToken).ConfigureAwait(false);
        XWebhooksTracing.InboxAttemptCompleted(span, XWebhooksTracing.InboxCompleted, located.Delivery.Product);
    }

    /// <summary>Reschedules or dead-letters a failed entry; returns which, as an inbox attempt outcome.</summary>
    private async Task<string> FailAsync(XInboxEntry entry, string error, CancellationToken stoppingToken)
    {
        if (entry.Attempt >= settings.MaxAttempts)
        {
            await inbox.DeadLetterAsync(entry, error, stoppingToken).ConfigureAwait(false);
            metrics.InboxDeadLettered();
            InboxLog.DeadLettered(logger, entry.Id, entry.Attempt, error);
            return XWebhooksTracing.InboxDeadLettered;
        }

        var delay = RetryBackoff.Delay(entry.Attempt, settings.InitialRetryDelay, settings.MaxRetryDelay, Random.Shared.NextDouble());
        await inbox.RetryLaterAsync(entry, timeProvider.GetUtcNow() + delay, error, stoppingToken).ConfigureAwait(false);
        metrics.InboxRetried();
        InboxLog.Retrying(logger, entry.Id, entry.Attempt, delay, error);
        return XWebhooksTracing.InboxRetried;
    }

    /// <summary>What went wrong, for the dead letter and logs: the exception's type and message, never the body.</summary>
    private static string Describe(Exception ex, bool timedOut) =>
        timedOut && ex is OperationCanceledException ? "Handlers overran the inbox handler timeout." : $"{ex.GetType().FullName}: {ex.Message}";
}
