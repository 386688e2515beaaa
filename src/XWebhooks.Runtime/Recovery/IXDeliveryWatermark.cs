namespace XWebhooks.Recovery;

/// <summary>
/// Remembers when this application last acknowledged a verified delivery from X, across restarts, so gap
/// recovery can ask X to replay what was sent while the application was down.
/// </summary>
/// <remarks>
/// Gap recovery (XWebhooks.Management) does not write through on every delivery: it keeps the latest time in memory
/// and flushes it to the store every few seconds and on shutdown (docs/reliability.md says why).
/// After a crash the stored time can therefore be a few seconds old; gap recovery's margin covers that.
/// Implementations: <c>InMemoryDeliveryWatermark</c> (gap recovery's default without an inbox, forgotten on restart),
/// <c>SqliteDeliveryWatermark</c> and <c>RedisDeliveryWatermark</c> (registered by the inbox stores).
/// All members are safe to call concurrently.
/// </remarks>
public interface IXDeliveryWatermark
{
    /// <summary>The latest time recorded, or null when none was ever recorded (first run).</summary>
    ValueTask<DateTimeOffset?> GetLastReceivedAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Records <paramref name="receivedAt"/> durably, per the store's guarantees. The stored time never moves
    /// backwards: an earlier time than the stored one is ignored (instances sharing a store may flush out of order).
    /// </summary>
    ValueTask RecordReceivedAsync(DateTimeOffset receivedAt, CancellationToken cancellationToken);
}
