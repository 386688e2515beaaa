using XWebhooks.Hosting;

namespace XWebhooks.Recovery;

/// <summary>
/// The in-memory half of the delivery watermark. As an observer of the delivery endpoint it raises
/// <see cref="Latest"/> on every acknowledged delivery (one compare-exchange, no I/O); <see cref="DeliveryWatermarkFlusher"/> persists it.
/// It also holds the previous run's stored watermark, read once before this run's first flush, so gap recovery
/// always sees the time from before this start, never one this run wrote.
/// </summary>
internal sealed class DeliveryWatermarkRecorder : IXWebhookObserver
{
    private readonly TaskCompletionSource<DateTimeOffset?> previousRun = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long latestTicks; // UTC ticks; 0 = nothing received in this run

    /// <summary>
    /// Only acknowledged deliveries move the watermark: X retries what got a non-200, and gap recovery must replay
    /// from before a stretch of failures, not from its end.
    /// </summary>
    public void DeliveryCompleted(in XDeliveryObservation delivery)
    {
        if (delivery.Acknowledged)
        {
            Received(delivery.CompletedAt);
        }
    }

    /// <summary>Records the time a verified delivery was acknowledged.</summary>
    public void Received(DateTimeOffset at) => InMemoryDeliveryWatermark.InterlockedMax(ref latestTicks, at.UtcTicks);

    /// <summary>The latest acknowledged delivery of this run, or null.</summary>
    public DateTimeOffset? Latest => Volatile.Read(ref latestTicks) is var ticks and not 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    /// <summary>The watermark stored by earlier runs (null on a first run); faults when the store could not be read.</summary>
    public Task<DateTimeOffset?> PreviousRun => previousRun.Task;

    /// <summary>True once the previous run's watermark was read (or its read failed): only then may this run flush.</summary>
    public bool PreviousRunKnown => previousRun.Task.IsCompleted;

    public void SetPreviousRun(DateTimeOffset? stored) => previousRun.TrySetResult(stored);

    public void SetPreviousRunUnavailable(Exception error) => previousRun.TrySetException(error);
}
