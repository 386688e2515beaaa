namespace XWebhooks.Recovery;

/// <summary>
/// The watermark used when no durable store is configured: it lives as long as the process, so after a restart
/// it is empty and gap recovery treats the start as a first run (no replay).
/// </summary>
public sealed class InMemoryDeliveryWatermark : IXDeliveryWatermark
{
    private long utcTicks; // 0 = nothing recorded

    /// <inheritdoc />
    public ValueTask<DateTimeOffset?> GetLastReceivedAsync(CancellationToken cancellationToken)
    {
        var ticks = Volatile.Read(ref utcTicks);
        return ValueTask.FromResult<DateTimeOffset?>(ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero));
    }

    /// <inheritdoc />
    public ValueTask RecordReceivedAsync(DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        InterlockedMax(ref utcTicks, receivedAt.UtcTicks);
        return ValueTask.CompletedTask;
    }

    /// <summary>Raises <paramref name="location"/> to <paramref name="value"/> unless it already holds more.</summary>
    internal static void InterlockedMax(ref long location, long value)
    {
        var current = Volatile.Read(ref location);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref location, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
