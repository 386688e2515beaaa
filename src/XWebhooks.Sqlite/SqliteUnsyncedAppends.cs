namespace XWebhooks.Sqlite;

/// <summary>
/// Which committed appends have not reached the disk yet: one record per commit, dropped when a later fsync covers it
/// (under <see cref="XWebhooksSqliteDurability.Fsync"/> soon after the commit, before any of its appends is
/// acknowledged). In WAL mode an fsync of the log covers every frame written before it, so an fsync of the WAL or a
/// complete checkpoint settles every earlier commit at once.
/// </summary>
internal sealed class SqliteUnsyncedAppends
{
    private readonly Lock gate = new();
    private readonly Queue<(long Commit, long OldestReceivedAtMs)> commits = new();

    /// <summary>Commit number <paramref name="commit"/> wrote appends, the oldest received at <paramref name="oldestReceivedAtMs"/>, without fsync.</summary>
    public void Committed(long commit, long oldestReceivedAtMs)
    {
        lock (gate)
        {
            commits.Enqueue((commit, oldestReceivedAtMs));
        }
    }

    /// <summary>Everything committed up to commit number <paramref name="commit"/> is on disk.</summary>
    public void SyncedThrough(long commit)
    {
        lock (gate)
        {
            while (commits.TryPeek(out var head) && head.Commit <= commit)
            {
                commits.Dequeue();
            }
        }
    }

    /// <summary>The received-at time (Unix ms) of the oldest acknowledged append not on disk yet; null when all are.</summary>
    public long? OldestReceivedAtMs
    {
        get
        {
            lock (gate)
            {
                long? oldest = null;
                foreach (var (_, receivedAt) in commits)
                {
                    oldest = oldest is { } o ? Math.Min(o, receivedAt) : receivedAt;
                }

                return oldest;
            }
        }
    }
}
