using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace XWebhooks.Sqlite;

/// <summary>
/// The dedupe keys on the engine: table <c>xwh_dedupe</c>, plus the keys this process marked recently in memory.
/// </summary>
/// <remarks>
/// <para>A mark is not waited for: it rides along in the next commit (not fsync'd on its account). Until that commit
/// the in-memory set answers for it, so <see cref="WasProcessed"/> sees a mark as soon as <see cref="MarkProcessed"/>
/// returned. Lost (the process died before the commit, or power failed before the next fsync), the event may run once
/// more; the completion of its entry was queued after the mark, so it cannot have reached the file without it.</para>
/// <para>A check is a lookup in the in-memory set, then in <see cref="SqliteDedupeFilter"/> (a key it has never seen
/// is new), and only then one prepared point query on a pooled read connection: the ack path asks for every event,
/// and most events are new.</para>
/// </remarks>
internal sealed class SqliteDedupeStore(SqliteEngine engine)
{
    /// <summary>How many marks stay in memory once committed; older ones are answered by the file.</summary>
    public const int RecentCapacity = 16_384;
    private const int CleanupEvery = 512;
    private const int CleanupLimit = 1000;

    private readonly ConcurrentDictionary<string, long> recent = new(StringComparer.Ordinal);

    // Counted here: ConcurrentDictionary.Count takes every lock of the table, and the writer asks after every mark.
    private int recentCount;

    private readonly SqliteAbsentKeys absent = new();

    /// <summary>Keys the file was read without since their last mark (tests).</summary>
    internal SqliteAbsentKeys Absent => absent;

    /// <summary>Which keys the file may hold.</summary>
    internal SqliteDedupeFilter Filter { get; } = new(engine);

    /// <summary>How many checks read the file (tests).</summary>
    internal long FileReads => Interlocked.Read(ref fileReads);

    private long fileReads;

    // Touched by the writer thread only (commit callbacks).
    private readonly Queue<string> committedOrder = new();
    private int marksSinceCleanup;

    /// <summary>How many keys are held in memory now.</summary>
    public int RecentCount => Volatile.Read(ref recentCount);

    public async ValueTask<bool> WasProcessedAsync(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var started = engine.EnsureStartedAsync();
        if (!started.IsCompletedSuccessfully)
        {
            await started.ConfigureAwait(false);
        }

        return WasProcessed(key);
    }

    public bool WasProcessed(string key)
    {
        var now = engine.NowMs();
        if (recent.TryGetValue(key, out var expiresAt) && expiresAt > now)
        {
            return true;
        }

        if (!Filter.MayContain(key) || absent.Contains(key))
        {
            return false;
        }

        Interlocked.Increment(ref fileReads);
        var token = absent.ReadStarting(key);
        var marked = engine.Readers.Read(reader =>
        {
            var command = reader.Command("SELECT expires_at FROM xwh_dedupe WHERE key = $key;");
            command.Parameters.AddWithValue("$key", key);
            return command.ExecuteScalar() is long stored && stored > now;
        });

        if (marked)
        {
            absent.ReadFoundMark(key, token);
        }
        else
        {
            absent.ReadFoundNothing(key, token);
        }

        return marked;
    }

    public async ValueTask MarkProcessedAsync(string key, TimeSpan retention)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(retention, TimeSpan.Zero);
        var expiresAt = engine.NowMs() + (long)Math.Ceiling(retention.TotalMilliseconds);
        Remember(key, expiresAt);
        await engine.EnsureStartedAsync().ConfigureAwait(false);
        if (!engine.Post(new SqlitePostedOp(tx => MarkProcessed(tx, key, expiresAt), () => Committed(key))))
        {
            throw new ObjectDisposedException(nameof(SqliteWebhookInbox));
        }

        // After the post, never before: SqliteDedupeFilter's remarks say why.
        Filter.Add(key);
    }

    /// <summary>Deletes expired keys now (at most a bounded number); returns how many were deleted.</summary>
    public ValueTask<int> DeleteExpiredKeysAsync(CancellationToken cancellationToken)
        => engine.ExecuteAsync(tx => DeleteExpiredKeys(tx, engine.NowMs()), cancellationToken);

    private void MarkProcessed(SqliteTransaction tx, string key, long expiresAt)
    {
        var command = engine.Command(tx, """
            INSERT INTO xwh_dedupe (key, expires_at) VALUES ($key, $expires)
            ON CONFLICT (key) DO UPDATE SET expires_at = MAX(expires_at, excluded.expires_at);
            """);
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$expires", expiresAt);
        command.ExecuteNonQuery();

        if (++marksSinceCleanup >= CleanupEvery)
        {
            marksSinceCleanup = 0;
            DeleteExpiredKeys(tx, engine.NowMs());
        }
    }

    /// <summary>Keeps the mark in memory (the later expiry wins), counting keys added.</summary>
    private void Remember(string key, long expiresAt)
    {
        while (true)
        {
            if (recent.TryGetValue(key, out var existing))
            {
                if (existing >= expiresAt || recent.TryUpdate(key, expiresAt, existing))
                {
                    break;
                }
            }
            else if (recent.TryAdd(key, expiresAt))
            {
                Interlocked.Increment(ref recentCount);
                break;
            }
        }

        // After the key is in memory: a check that misses it there started before this mark.
        absent.Forget(key);
    }

    /// <summary>Once its commit is over, a mark may leave memory: the oldest committed ones go first beyond the capacity.</summary>
    private void Committed(string key)
    {
        committedOrder.Enqueue(key);
        // The order can hold a key twice (marked twice); its own bound keeps that from growing either.
        while ((Volatile.Read(ref recentCount) > RecentCapacity || committedOrder.Count > 2 * RecentCapacity) && committedOrder.TryDequeue(out var oldest))
        {
            if (recent.TryRemove(oldest, out _))
            {
                Interlocked.Decrement(ref recentCount);
            }

            // Committed, so a read from now on finds it in the file; an earlier read's answer must not outlive this.
            absent.Forget(oldest);
        }
    }

    private int DeleteExpiredKeys(SqliteTransaction transaction, long now)
    {
        var command = engine.Command(transaction, """
            DELETE FROM xwh_dedupe WHERE key IN (SELECT key FROM xwh_dedupe WHERE expires_at <= $now LIMIT $limit);
            """);
        command.Parameters.AddWithValue("$now", now);
        command.Parameters.AddWithValue("$limit", CleanupLimit);
        return command.ExecuteNonQuery();
    }
}
