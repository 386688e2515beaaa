using XWebhooks.Delivery;
using XWebhooks.Inbox;

namespace XWebhooks.Sqlite;

/// <summary>
/// The embedded durable inbox and dedupe store: one SQLite file in WAL mode, owned by one process.
/// </summary>
/// <remarks>
/// <para>
/// <b>Durability.</b> All writes go through one writer thread, which commits everything queued so far in one transaction
/// (group commit) and never waits for the disk itself. Only appends wait for it: under
/// <see cref="XWebhooksSqliteDurability.Fsync"/> (the default) an <see cref="AppendAsync(XInboxAppend, CancellationToken)"/>
/// returns after an fsync of the write-ahead log that began after its commit, so an acknowledged delivery survives
/// SIGKILL and power loss while concurrent deliveries share one commit and one fsync. Completions, retries,
/// dead-letters, attempt counts and dedupe marks are committed without waiting for an fsync; one lost to power loss
/// means an event runs once more. See <see cref="XWebhooksSqliteDurability"/> for the other level.
/// </para>
/// <para>
/// <b>One owner.</b> The store holds an exclusive lock on <c>&lt;path&gt;.owner</c> while open, so leases live in memory:
/// after a restart every entry not completed is due at once, as another attempt. A second process opening the file is
/// refused with an <see cref="InvalidOperationException"/> on first use; stores opened on the same path in one process
/// share one writer and one set of leases.
/// </para>
/// <para>
/// <b>Bodies.</b> Recently appended bodies, with their trace parent and event index, stay in memory (bounded) and are
/// handed to the worker without reading them back; older ones, and all after a restart, are read from the file.
/// </para>
/// </remarks>
public sealed class SqliteWebhookInbox : IXWebhookInbox, IXWebhookDedupe, IAsyncDisposable, IDisposable
{
    private readonly SqliteOpenFile file;
    private int disposed;

    /// <summary>Creates the store. The file and its schema are created on first use.</summary>
    /// <param name="options">Where the database file is, and what an acknowledged append survives.</param>
    /// <param name="timeProvider">The clock for due times, leases and dedupe expiry; <see cref="TimeProvider.System"/> when null.</param>
    public SqliteWebhookInbox(XWebhooksSqliteOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Path, nameof(options) + "." + nameof(options.Path));
        file = SqliteOpenFile.Acquire(options, timeProvider ?? TimeProvider.System);
    }

    internal SqliteEngine Engine => file.Engine;

    internal SqliteInboxQueue Queue => file.Queue;

    internal SqliteDedupeStore Dedupe => file.Dedupe;

    /// <summary>How many write transactions were committed; fewer than writes when commits were shared.</summary>
    internal long CommitCount => Engine.CommitCount;

    /// <inheritdoc />
    public ValueTask AppendAsync(XInboxAppend delivery, CancellationToken cancellationToken)
        => Queue.AppendAsync(delivery, cancellationToken);

    /// <inheritdoc />
    /// <remarks>An entry whose earlier attempts all ended without an outcome (the process died, the lease ran out) as
    /// often as the worker's <c>MaxAttempts</c> allows is dead-lettered here instead of being leased again.</remarks>
    public ValueTask<IReadOnlyList<XInboxEntry>> LeaseAsync(int maxEntries, TimeSpan leaseDuration, CancellationToken cancellationToken)
        => Queue.LeaseAsync(maxEntries, leaseDuration, cancellationToken);

    /// <inheritdoc />
    /// <remarks>Returns without waiting for the write; a completion lost to a crash only means the entry runs again.</remarks>
    public ValueTask CompleteAsync(XInboxEntry entry, CancellationToken cancellationToken) => Queue.CompleteAsync(entry);

    /// <inheritdoc />
    public ValueTask RetryLaterAsync(XInboxEntry entry, DateTimeOffset notBefore, string error, CancellationToken cancellationToken)
        => Queue.RetryLaterAsync(entry, notBefore, error, cancellationToken);

    /// <inheritdoc />
    public ValueTask DeadLetterAsync(XInboxEntry entry, string error, CancellationToken cancellationToken)
        => Queue.DeadLetterAsync(entry, error, cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<XDeadLetter>> ListDeadLettersAsync(int maxEntries, CancellationToken cancellationToken)
        => Queue.ListDeadLettersAsync(maxEntries, cancellationToken);

    /// <inheritdoc />
    public ValueTask<bool> RedriveAsync(string deadLetterId, CancellationToken cancellationToken)
        => Queue.RedriveAsync(deadLetterId, cancellationToken);

    /// <inheritdoc />
    public ValueTask<XInboxStats> GetStatsAsync(CancellationToken cancellationToken) => Queue.GetStatsAsync(cancellationToken);

    /// <inheritdoc />
    /// <remarks>Keys marked recently by this process are answered from memory, others by one prepared lookup on a pooled read connection.</remarks>
    public ValueTask<bool> WasProcessedAsync(string key, CancellationToken cancellationToken) => Dedupe.WasProcessedAsync(key);

    /// <inheritdoc />
    /// <remarks>Returns without waiting for the write (the mark is visible to <see cref="WasProcessedAsync"/> at once).
    /// Every few hundred marks also deletes a bounded number of expired keys.</remarks>
    public ValueTask MarkProcessedAsync(string key, TimeSpan retention, CancellationToken cancellationToken)
        => Dedupe.MarkProcessedAsync(key, retention);

    /// <summary>Deletes expired dedupe keys now (at most a bounded number); returns how many were deleted.</summary>
    internal ValueTask<int> DeleteExpiredKeysAsync(CancellationToken cancellationToken) => Dedupe.DeleteExpiredKeysAsync(cancellationToken);

    /// <summary>Commits what is queued and, when no other store in this process uses the file, closes it. Safe to call more than once.</summary>
    public ValueTask DisposeAsync()
        => Interlocked.Exchange(ref disposed, 1) != 0 ? ValueTask.CompletedTask : file.ReleaseAsync();

    /// <summary>Synchronous <see cref="DisposeAsync"/>, for containers disposed synchronously.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
