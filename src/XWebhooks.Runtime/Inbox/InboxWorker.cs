using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using XWebhooks.Delivery;
using XWebhooks.Diagnostics;

namespace XWebhooks.Inbox;

/// <summary>
/// Processes stored deliveries: leases a batch, runs the handlers of each delivery in its own DI scope, and
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
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = settings.MaxConcurrency, CancellationToken = stoppingToken };
        while (!stoppingToken.IsCancellationRequested)
        {
            IReadOnlyList<XInboxEntry> leased;
            try
            {
                leased = await inbox.LeaseAsync(settings.MaxConcurrency, settings.LeaseDuration, stoppingToken).ConfigureAwait(false);
                await ObserveStatsAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                InboxLog.StoreFailed(logger, ex);
                await Idle(stoppingToken).ConfigureAwait(false);
                continue;
            }

            if (leased.Count == 0)
            {
                await Idle(stoppingToken).ConfigureAwait(false);
                continue;
            }

            try
            {
                await Parallel.ForEachAsync(leased, parallel, ProcessAsync).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Unfinished leases expire and are processed again after a restart.
                return;
            }
        }
    }

    /// <summary>Refreshes the inbox gauges at most once per poll interval: the stats query counts the whole store.</summary>
    private async Task ObserveStatsAsync(CancellationToken stoppingToken)
    {
        if (lastStatsTimestamp != 0 && timeProvider.GetElapsedTime(lastStatsTimestamp) < settings.PollInterval)
        {
            return;
        }

        lastStatsTimestamp = timeProvider.GetTimestamp();
        metrics.InboxStatsObserved(await inbox.GetStatsAsync(stoppingToken).ConfigureAwait(false));
    }

    private async Task Idle(CancellationToken stoppingToken)
    {
        try
        {
            await signal.WaitAsync(settings.PollInterval, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    internal async ValueTask ProcessAsync(XInboxEntry entry, CancellationToken stoppingToken)
    {
        LocatedDelivery located;
        try
        {
            located = processor.Locate(entry.Body, entry.ReceivedAt, entry.Attempt);
        }
        catch (XDeliveryFormatException ex)
        {
            // Parsing will never succeed: retrying cannot help.
            await inbox.DeadLetterAsync(entry, ex.Message, stoppingToken).ConfigureAwait(false);
            metrics.InboxDeadLettered();
            InboxLog.DeadLettered(logger, entry.Id, entry.Attempt, ex.Message);
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
            await FailAsync(entry, Describe(ex, timeout.IsCancellationRequested), stoppingToken).ConfigureAwait(false);
            return;
        }

        await inbox.CompleteAsync(entry, stoppingToken).ConfigureAwait(false);
    }

    private async Task FailAsync(XInboxEntry entry, string error, CancellationToken stoppingToken)
    {
        if (entry.Attempt >= settings.MaxAttempts)
        {
            await inbox.DeadLetterAsync(entry, error, stoppingToken).ConfigureAwait(false);
            metrics.InboxDeadLettered();
            InboxLog.DeadLettered(logger, entry.Id, entry.Attempt, error);
            return;
        }

        var delay = RetryBackoff.Delay(entry.Attempt, settings.InitialRetryDelay, settings.MaxRetryDelay, Random.Shared.NextDouble());
        await inbox.RetryLaterAsync(entry, timeProvider.GetUtcNow() + delay, error, stoppingToken).ConfigureAwait(false);
        metrics.InboxRetried();
        InboxLog.Retrying(logger, entry.Id, entry.Attempt, delay, error);
    }

    /// <summary>What went wrong, for the dead letter and logs: the exception's type and message, never the body.</summary>
    private static string Describe(Exception ex, bool timedOut) =>
        timedOut && ex is OperationCanceledException ? "Handlers overran the inbox handler timeout." : $"{ex.GetType().FullName}: {ex.Message}";
}
