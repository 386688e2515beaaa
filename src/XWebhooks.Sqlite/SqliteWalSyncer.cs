namespace XWebhooks.Sqlite;

/// <summary>
/// Makes committed appends durable without holding up the writer (<see cref="XWebhooksSqliteDurability.Fsync"/>): the
/// writer commits every batch with <c>synchronous=NORMAL</c> and hands the appends of each commit here; this thread
/// fsyncs the WAL and then acknowledges every append whose commit was written before that fsync began. While one
/// fsync runs, the writer commits the next batches, and the fsync after it covers all of them: the writer's own work
/// is no longer part of the time an append waits for the disk.
/// </summary>
/// <remarks>
/// An fsync of the WAL covers every frame written to it before the call. A frame is overwritten only after a complete
/// checkpoint copied it into the database and fsync'd that (the WAL restarts only then), so an fsync that begins after
/// a commit returned always leaves that commit on disk, in the WAL or in the database.
/// </remarks>
internal sealed class SqliteWalSyncer
{
    private readonly object gate = new();
    private readonly Action sync;
    private readonly Action<long> syncedThrough;
    private readonly Action idle;
    private List<SqliteAppendOp> waiting = [];
    private List<SqliteAppendOp> syncing = [];
    private long committedThrough;
    private bool closing;
    private long syncCount;
    private int busy;
    private Task? loop;

    /// <param name="sync">Flushes the WAL to the disk; throws when it cannot.</param>
    /// <param name="syncedThrough">Told the last commit number an fsync covered, before any of its appends hears back.</param>
    /// <param name="idle">Called when an fsync ended with nothing more handed over (<see cref="IsBusy"/> turned false).</param>
    public SqliteWalSyncer(Action sync, Action<long> syncedThrough, Action idle)
    {
        this.sync = sync;
        this.syncedThrough = syncedThrough;
        this.idle = idle;
    }

    /// <summary>True from a hand-over until an fsync ends with nothing more handed over.</summary>
    public bool IsBusy => Volatile.Read(ref busy) == 1;

    /// <summary>How many times the WAL was fsync'd for appends.</summary>
    public long SyncCount => Interlocked.Read(ref syncCount);

    /// <summary>Test hook: runs on the syncer's thread before each fsync (a test blocks it to hold an fsync back).</summary>
    internal Action? BeforeSync { get; set; }

    public void Start() => loop = SqliteEngine.RunOnOwnThread(Loop, "SQLite fsync");

    /// <summary>Called by the writer after commit number <paramref name="commit"/> returned, with its appends.</summary>
    public void Committed(long commit, List<SqliteAppendOp> appends)
    {
        lock (gate)
        {
            waiting.AddRange(appends);
            committedThrough = commit;
            Volatile.Write(ref busy, 1);
            Monitor.Pulse(gate);
        }
    }

    /// <summary>Syncs and acknowledges what was handed over so far, then stops the thread.</summary>
    public async ValueTask CloseAsync()
    {
        lock (gate)
        {
            closing = true;
            Monitor.Pulse(gate);
        }

        if (loop is { } running)
        {
            await running.ConfigureAwait(false);
        }
    }

    private void Loop()
    {
        while (true)
        {
            long through;
            var wentIdle = false;
            lock (gate)
            {
                if (waiting.Count == 0 && Volatile.Read(ref busy) == 1)
                {
                    // Paired with the writer's hold: marked idle first, then the writer is told.
                    Interlocked.Exchange(ref busy, 0);
                    wentIdle = true;
                }
            }

            if (wentIdle)
            {
                idle();
            }

            lock (gate)
            {
                while (waiting.Count == 0 && !closing)
                {
                    Monitor.Wait(gate);
                }

                if (waiting.Count == 0)
                {
                    return;
                }

                // Everything taken here was committed before this point, so the fsync below covers it.
                (waiting, syncing) = (syncing, waiting);
                through = committedThrough;
            }

            SyncAndAcknowledge(through);
            syncing.Clear();
        }
    }

    private void SyncAndAcknowledge(long through)
    {
        try
        {
            BeforeSync?.Invoke();
            sync();
        }
        catch (Exception ex)
        {
            // Committed, but maybe not on disk: the sender hears a failure and X sends again; the entry is in the
            // file all the same and is processed (dedupe drops whichever copy comes second).
            foreach (var append in syncing)
            {
                append.SyncFailed(ex);
            }

            return;
        }

        Interlocked.Increment(ref syncCount);
        syncedThrough(through);
        SqliteAppendReplies.Succeed(syncing);
    }
}
