namespace XWebhooks.Inbox;

/// <summary>
/// A durable queue of verified deliveries: the POST path appends and answers 200 only once the store has
/// acknowledged the append (so an acknowledged delivery survives a crash), and a background worker leases
/// entries, runs the handlers, and completes, reschedules or dead-letters them.
/// </summary>
/// <remarks>
/// Implementations: <c>XWebhooks.Sqlite</c> (embedded, one instance) and <c>XWebhooks.Redis</c> (Redis Streams,
/// many instances). All members are safe to call concurrently.
/// </remarks>
public interface IXWebhookInbox
{
    /// <summary>
    /// Durably stores one verified delivery. Returns only after the store acknowledged the write (per the store's
    /// durability guarantees). Many concurrent appends may share one commit. Copy <see cref="XInboxAppend.Body"/> and
    /// <see cref="XInboxAppend.EventIndex"/> before returning (pooled buffers); never keep a reference. A store that
    /// keeps <see cref="XInboxAppend.TraceParent"/> and <see cref="XInboxAppend.EventIndex"/> returns them on
    /// <see cref="XInboxEntry"/>; one that drops them still works (attempt spans then link to nothing, and the worker
    /// reads the body again).
    /// </summary>
    ValueTask AppendAsync(XInboxAppend delivery, CancellationToken cancellationToken);

    /// <summary>Stores a delivery known only by its body: <see cref="AppendAsync(XInboxAppend, CancellationToken)"/> without a trace or an event index.</summary>
    ValueTask AppendAsync(ReadOnlyMemory<byte> body, DateTimeOffset receivedAt, CancellationToken cancellationToken) =>
        AppendAsync(new XInboxAppend(body, receivedAt), cancellationToken);

    /// <summary>
    /// Leases up to <paramref name="maxEntries"/> entries that are due (new, retry time reached, or whose
    /// previous lease expired because its worker died), oldest first. A leased entry is invisible to other
    /// leases for <paramref name="leaseDuration"/>. Returns an empty list when nothing is due.
    /// </summary>
    ValueTask<IReadOnlyList<XInboxEntry>> LeaseAsync(int maxEntries, TimeSpan leaseDuration, CancellationToken cancellationToken);

    /// <summary>Removes a processed entry. A lease that expired and was taken by another worker is not an error.</summary>
    ValueTask CompleteAsync(XInboxEntry entry, CancellationToken cancellationToken);

    /// <summary>Releases the lease and makes the entry due again at <paramref name="notBefore"/>, with its attempt count incremented.</summary>
    ValueTask RetryLaterAsync(XInboxEntry entry, DateTimeOffset notBefore, string error, CancellationToken cancellationToken);

    /// <summary>Moves the entry to the dead letter, keeping its body, attempt count and last error.</summary>
    ValueTask DeadLetterAsync(XInboxEntry entry, string error, CancellationToken cancellationToken);

    /// <summary>Lists dead letters, oldest first.</summary>
    ValueTask<IReadOnlyList<XDeadLetter>> ListDeadLettersAsync(int maxEntries, CancellationToken cancellationToken);

    /// <summary>Moves a dead letter back into the inbox as a fresh entry (attempt 1). False when no dead letter has that id.</summary>
    ValueTask<bool> RedriveAsync(string deadLetterId, CancellationToken cancellationToken);

    /// <summary>Depth, age of the oldest pending entry and dead-letter count, for metrics and health checks.</summary>
    ValueTask<XInboxStats> GetStatsAsync(CancellationToken cancellationToken);
}
