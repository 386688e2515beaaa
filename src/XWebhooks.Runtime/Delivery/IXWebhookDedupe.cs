namespace XWebhooks.Delivery;

/// <summary>
/// Remembers which events were processed, by dedupe key (XAA <c>event_uuid</c>, AAA per-kind ids, stream post
/// and rule ids), so X's retries and replays reach handlers once. An event is marked only after all its
/// handlers succeeded.
/// </summary>
public interface IXWebhookDedupe
{
    /// <summary>True when <paramref name="key"/> was marked and its retention has not run out.</summary>
    ValueTask<bool> WasProcessedAsync(string key, CancellationToken cancellationToken);

    /// <summary>Marks <paramref name="key"/> as processed for <paramref name="retention"/>.</summary>
    ValueTask MarkProcessedAsync(string key, TimeSpan retention, CancellationToken cancellationToken);
}
