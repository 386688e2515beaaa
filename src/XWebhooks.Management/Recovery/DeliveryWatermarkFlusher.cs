using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace XWebhooks.Recovery;

/// <summary>
/// Reads the previous run's watermark once, then persists this run's <see cref="DeliveryWatermarkRecorder.Latest"/>
/// at most once per <see cref="Interval"/> (only when it moved) and a last time on shutdown.
/// </summary>
/// <remarks>
/// Why not write per delivery: a durable write per delivery would add an fsync (SQLite) or a round trip (Redis)
/// to every acknowledgment for a value that only needs minute precision (X's replay takes <c>yyyyMMddHHmm</c>).
/// After a crash the stored time is at most one interval old, which gap recovery's margin absorbs.
/// </remarks>
internal sealed class DeliveryWatermarkFlusher(
    IXDeliveryWatermark store,
    DeliveryWatermarkRecorder recorder,
    TimeProvider timeProvider,
    ILogger<DeliveryWatermarkFlusher> logger) : BackgroundService
{
    /// <summary>How often a moved watermark is written: a few seconds keeps writes negligible and loss after a crash small.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(5);

    private long flushedTicks;

    internal TimeSpan Interval { get; init; } = DefaultInterval;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            recorder.SetPreviousRun(await store.GetLastReceivedAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex)
        {
            RecoveryLog.WatermarkReadFailed(logger, ex);
            recorder.SetPreviousRunUnavailable(ex);
        }

        using var timer = new PeriodicTimer(Interval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                await FlushAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: StopAsync writes the last value.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes the latest time when it moved since the last write; logs and keeps going when the store fails.</summary>
    internal async Task FlushAsync(CancellationToken cancellationToken)
    {
        // Before the previous run's value is known, writing would overwrite the gap it describes.
        if (!recorder.PreviousRunKnown || recorder.Latest is not { } latest || latest.UtcTicks <= flushedTicks)
        {
            return;
        }

        try
        {
            await store.RecordReceivedAsync(latest, cancellationToken).ConfigureAwait(false);
            flushedTicks = latest.UtcTicks;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutdown ran out of time; the next run sees an older watermark and replays a little more.
        }
        catch (Exception ex)
        {
            RecoveryLog.WatermarkWriteFailed(logger, ex);
        }
    }
}
