using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace XWebhooks.Sqlite;

/// <summary>
/// The one writer of an inbox file and what keeps it healthy: the <c>.owner</c> lock, the schema, a writer thread that
/// group-commits queued <see cref="SqliteWriteOp"/>s with prepared statements, the checkpointer, and pooled readers.
/// The queue (<see cref="SqliteInboxQueue"/>), the dedupe store (<see cref="SqliteDedupeStore"/>) and the watermark
/// (<see cref="SqliteDeliveryWatermark"/>) are its users.
/// </summary>
/// <remarks>
/// Every batch commits with <c>synchronous=NORMAL</c>, which survives a process crash and reaches the disk with the
/// next fsync of the WAL or checkpoint (an fsync of the WAL covers every frame before it). Under
/// <see cref="XWebhooksSqliteDurability.Fsync"/> the appends of a commit hear back from <see cref="SqliteWalSyncer"/>,
/// after an fsync that began after the commit; the writer goes on with the next batch meanwhile.
/// </remarks>
internal sealed class SqliteEngine : IAsyncDisposable
{
    private const int MaxBatch = 1024;
    private const int WriterCheckpointPages = 8192;

    private readonly string connectionString;
    private readonly Channel<SqliteWriteOp> queue = Channel.CreateUnbounded<SqliteWriteOp>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock startLock = new();
    private readonly Dictionary<string, SqliteCommand> commands = new(StringComparer.Ordinal);
    private readonly SqliteCheckpointer checkpointer;

    // Posted writes (completions, dedupe marks) neither wake the writer nor join every commit: they wait up to
    // RiderDelay, then ride in one commit together (earlier when an op someone awaits needs them). A commit rewrites
    // every page it touches, so a few marks per commit cost whole pages.
    private readonly ConcurrentQueue<SqliteWriteOp> riders = new();
    private readonly Timer riderTimer;
    private int riderTimerArmed;
    private int ridersDue;
    private Task? started;
    private Task? writerLoop;
    private FileStream? ownerLock;
    private SqliteConnection? writer;
    private FileStream? wal;
    private SqliteWalSyncer? syncer;
    private long commitCount;
    private int holding;
    private int disposed;

    private readonly Task previousClose;

    // The appends of the commit being told (writer thread only).
    private readonly List<SqliteAppendOp> waitingForFsync = [];
    private readonly List<SqliteAppendOp> acknowledged = [];

    public SqliteEngine(XWebhooksSqliteOptions options, TimeProvider time, Task previousClose)
    {
        this.previousClose = previousClose;
        Path = System.IO.Path.GetFullPath(options.Path);
        Durability = options.Durability;
        Time = time;
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
        }.ToString();
        Readers = new SqliteReaderPool(connectionString);
        checkpointer = new SqliteCheckpointer(connectionString, options.CheckpointInterval, this);
        riderTimer = new Timer(static state => ((SqliteEngine)state!).RidersWaited(), this, Timeout.Infinite, Timeout.Infinite);
    }

    public string Path { get; }

    public XWebhooksSqliteDurability Durability { get; }

    public TimeProvider Time { get; }

    public SqliteReaderPool Readers { get; }

    /// <summary>How long posted writes wait before they ride in a commit together (an op someone awaits takes them earlier); tests lengthen it.</summary>
    internal TimeSpan RiderDelay { get; set; } = TimeSpan.FromMilliseconds(5);

    /// <summary>Committed appends not on disk yet (with <see cref="XWebhooksSqliteDurability.Fsync"/>, none of them acknowledged).</summary>
    public SqliteUnsyncedAppends Unsynced { get; } = new();

    /// <summary>How many write transactions were committed; fewer than writes when commits were shared.</summary>
    public long CommitCount => Interlocked.Read(ref commitCount);

    /// <summary>How many times the WAL was fsync'd for appends (<see cref="XWebhooksSqliteDurability.Fsync"/>).</summary>
    public long WalSyncCount => syncer?.SyncCount ?? 0;

    /// <summary>Test hook: runs before each fsync for appends (a test blocks it to hold the fsync back).</summary>
    internal Action? BeforeWalSync
    {
        set => syncer!.BeforeSync = value;
    }

    /// <summary>Added to the byte count that wakes the checkpointer early (bodies make the WAL grow).</summary>
    public void NoteWalBytes(long bytes) => checkpointer.NoteWalBytes(bytes);

    public long NowMs() => Time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Runs <paramref name="work"/> on the writer in the next group commit; completes after that commit.</summary>
    public async ValueTask<T> ExecuteAsync<T>(Func<SqliteTransaction, T> work, CancellationToken cancellationToken, Action? afterCommit = null)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var op = new SqliteCommandOp<T>(work, afterCommit, cancellationToken);
        await EnqueueAsync(op).ConfigureAwait(false);
        return await op.Task.ConfigureAwait(false);
    }

    /// <summary>Queues <paramref name="op"/> for the writer; starts the engine on first use.</summary>
    public async ValueTask EnqueueAsync(SqliteWriteOp op)
    {
        await EnsureStartedAsync().ConfigureAwait(false);
        if (!queue.Writer.TryWrite(op))
        {
            throw new ObjectDisposedException(nameof(SqliteWebhookInbox));
        }
    }

    /// <summary>
    /// Queues a write nobody waits for (<see cref="SqlitePostedOp"/>): it rides in a commit after <see cref="RiderDelay"/>,
    /// or before the next op someone awaits. Posted writes run in the order they were posted. The engine must be
    /// started. False when the engine is closing.
    /// </summary>
    public bool Post(SqliteWriteOp op)
    {
        if (Volatile.Read(ref disposed) != 0)
        {
            return false;
        }

        riders.Enqueue(op);
        if (Interlocked.CompareExchange(ref riderTimerArmed, 1, 0) == 0)
        {
            riderTimer.Change(RiderDelay, Timeout.InfiniteTimeSpan);
        }

        return true;
    }

    /// <summary>The rider timer fired: wakes the writer for riders no batch took meanwhile.</summary>
    private void RidersWaited()
    {
        // Disarmed first: a rider posted after the check below arms the timer again.
        Volatile.Write(ref riderTimerArmed, 0);
        if (!riders.IsEmpty)
        {
            Volatile.Write(ref ridersDue, 1);
            queue.Writer.TryWrite(SqliteWakeOp.Instance);
        }
    }

    /// <summary>
    /// The writer's command for <paramref name="sql"/>, prepared once and reused (the writer is single-threaded):
    /// preparing costs more than running these small statements. Owned by the engine: callers must not dispose it.
    /// </summary>
    public SqliteCommand Command(SqliteTransaction transaction, string sql)
    {
        if (!commands.TryGetValue(sql, out var command))
        {
            command = this.writer!.CreateCommand();
            command.CommandText = sql;
            commands.Add(sql, command);
        }

        command.Transaction = transaction;
        command.Parameters.Clear();
        return command;
    }

    /// <summary>The rowid of the writer's last successful INSERT (writer thread only).</summary>
    public long LastInsertRowId => SQLitePCL.raw.sqlite3_last_insert_rowid(this.writer!.Handle);

    /// <summary>Copies the WAL into the database now; true when everything committed before the call is on disk (tests).</summary>
    public async ValueTask<bool> CheckpointNowAsync()
    {
        await EnsureStartedAsync().ConfigureAwait(false);
        return checkpointer.CheckpointNow();
    }

    public Task EnsureStartedAsync()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        if (this.started is { IsCompletedSuccessfully: true } running)
        {
            return running;
        }

        lock (startLock)
        {
            if (this.started is null || this.started.IsFaulted)
            {
                // A failed start (a missing directory, a file owned by another process) is retried by the next call.
                this.started = Task.Run(Start);
            }

            return this.started;
        }
    }

    /// <summary>Commits what is queued, stops the threads and closes the file. Safe to call more than once.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        queue.Writer.TryComplete();
        Task? started;
        lock (startLock)
        {
            started = this.started;
        }

        if (started is not null)
        {
            try
            {
                await started.ConfigureAwait(false);
            }
            catch (Exception)
            {
                // A failed start has nothing to close.
            }
        }

        if (writerLoop is { } loop)
        {
            await loop.ConfigureAwait(false);
        }

        if (syncer is not null)
        {
            await syncer.CloseAsync().ConfigureAwait(false);
        }

        await riderTimer.DisposeAsync().ConfigureAwait(false);
        await checkpointer.DisposeAsync().ConfigureAwait(false);
        Readers.Dispose();
        foreach (var command in commands.Values)
        {
            command.Dispose();
        }

        wal?.Dispose();
        if (this.writer is { } writer)
        {
            // Closing the last connection checkpoints the WAL into the database and fsyncs it.
            await writer.DisposeAsync().ConfigureAwait(false);
            SqliteConnection.ClearPool(writer);
        }

        ownerLock?.Dispose();
    }

    private void Start()
    {
        try
        {
            previousClose.GetAwaiter().GetResult();
        }
        catch (Exception)
        {
            // Its close failed; the owner lock tells whether the file is free.
        }

        var ownerLock = SqliteOwnerLock.Take(Path);
        var writer = new SqliteConnection(connectionString);
        try
        {
            writer.Open();
            using (var pragmas = writer.CreateCommand())
            {
                // WAL survives in the file; synchronous and busy_timeout are per connection. The writer checkpoints
                // only as a backstop (WriterCheckpointPages); SqliteCheckpointer copies the WAL beside it.
                pragmas.CommandText = $"PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000; PRAGMA wal_autocheckpoint={WriterCheckpointPages};";
                pragmas.ExecuteNonQuery();
            }

            using (var tx = writer.BeginTransaction())
            {
                SqliteSchema.Ensure(writer, tx);
                tx.Commit();
            }

            if (Durability == XWebhooksSqliteDurability.Fsync)
            {
                // SQLite created the WAL when it opened the file in WAL mode; it keeps it while the writer is open.
                wal = new FileStream(Path + "-wal", FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
                syncer = new SqliteWalSyncer(SyncWal, Unsynced.SyncedThrough, SyncerIdle);
                syncer.Start();
            }

            this.ownerLock = ownerLock;
            this.writer = writer;
            writerLoop = RunOnOwnThread(WriterLoop, "SQLite writer");
            checkpointer.Start();
        }
        catch
        {
            wal?.Dispose();
            writer.Dispose();
            ownerLock.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Runs <paramref name="loop"/> on a thread of its own: the writer and the checkpointer block in fsync for most of
    /// their time, and on the thread pool that blocking would delay the continuations of requests queued behind it.
    /// </summary>
    internal static Task RunOnOwnThread(Action loop, string name)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                loop();
                done.TrySetResult();
            }
            catch (Exception ex)
            {
                done.TrySetException(ex);
            }
        })
        {
            IsBackground = true,
            Name = name,
        };
        thread.Start();
        return done.Task;
    }

    private void WriterLoop()
    {
        var reader = queue.Reader;

        // Executed in the open transaction, not committed yet.
        var batch = new List<SqliteWriteOp>(MaxBatch);
        var incoming = new List<SqliteWriteOp>(MaxBatch);
        SqliteTransaction? open = null;
        var mayWaitForSyncer = true;
        while (WaitToRead(reader))
        {
            var executed = batch.Count;
            mayWaitForSyncer |= executed == 0; // a new batch (the last one committed or failed)
            var ridersWaited = Interlocked.Exchange(ref ridersDue, 0) == 1;
            var awaited = false;
            while (incoming.Count < MaxBatch && reader.TryRead(out var op))
            {
                if (op is not SqliteWakeOp && !op.TryCancel())
                {
                    incoming.Add(op);
                    awaited |= op is not (SqliteAppendOp or SqlitePostedOp);
                }
            }

            // Riders before the ops read now. An op someone awaits (a lease, a stats read) takes all of them, so it
            // sees every write posted before it; riders whose delay ran out go in batches of MaxBatch.
            if (awaited)
            {
                while (TakeRiders(batch) == MaxBatch)
                {
                }
            }
            else if (ridersWaited && TakeRiders(batch) == MaxBatch)
            {
                // More are waiting than one batch takes: the next turn takes them.
                Volatile.Write(ref ridersDue, 1);
                queue.Writer.TryWrite(SqliteWakeOp.Instance);
            }

            batch.AddRange(incoming);
            incoming.Clear();

            for (var i = executed; i < batch.Count; i++)
            {
                mayWaitForSyncer &= batch[i] is SqliteAppendOp or SqlitePostedOp;
            }

            if (batch.Count == 0 || !TryExecute(ref open, batch, executed)
                || (mayWaitForSyncer && batch.Count < MaxBatch && HoldWhileSyncing()))
            {
                continue;
            }

            Commit(open!, batch);
            open = null;
            batch.Clear();
        }

        // Closing: what was held or posted before the close still gets its commit.
        for (var held = batch.Count; ; held = 0)
        {
            TakeRiders(batch);
            if (batch.Count == 0 || !TryExecute(ref open, batch, held))
            {
                break;
            }

            Commit(open!, batch);
            open = null;
            batch.Clear();
        }
    }

    /// <summary>
    /// True when the batch waits in its open transaction for the fsync in flight to end (the syncer then wakes the
    /// writer): its appends could not be acknowledged before the next fsync anyway, and one commit for all that arrives
    /// meanwhile costs less than one each. Only appends and posted writes wait; an op someone awaits commits at once.
    /// </summary>
    private bool HoldWhileSyncing()
    {
        if (syncer is null)
        {
            return false;
        }

        // Paired with SyncerIdle: the writer marks the hold before it looks, the syncer marks idle before it looks.
        Interlocked.Exchange(ref holding, 1);
        if (syncer.IsBusy)
        {
            return true;
        }

        Volatile.Write(ref holding, 0);
        return false;
    }

    /// <summary>The syncer finished an fsync with nothing more to sync: a held batch commits now.</summary>
    private void SyncerIdle()
    {
        if (Interlocked.CompareExchange(ref holding, 0, 1) == 1)
        {
            queue.Writer.TryWrite(SqliteWakeOp.Instance);
        }
    }

    /// <summary>Moves up to <see cref="MaxBatch"/> riders into <paramref name="batch"/>; returns how many it moved.</summary>
    private int TakeRiders(List<SqliteWriteOp> batch)
    {
        var taken = 0;
        while (taken < MaxBatch && riders.TryDequeue(out var rider))
        {
            batch.Add(rider);
            taken++;
        }

        return taken;
    }

    /// <summary>Blocks the writer's own thread until there is work (true) or the queue was completed (false).</summary>
    private static bool WaitToRead(ChannelReader<SqliteWriteOp> reader)
    {
        var wait = reader.WaitToReadAsync();
        return wait.IsCompleted ? wait.GetAwaiter().GetResult() : wait.AsTask().GetAwaiter().GetResult();
    }

    /// <summary>Flushes the WAL to the disk (the syncer's thread).</summary>
    private void SyncWal() => wal!.Flush(flushToDisk: true);

    /// <summary>Runs the ops of <paramref name="batch"/> from <paramref name="from"/> on in the open transaction (begun if none); false when the batch failed.</summary>
    private bool TryExecute(ref SqliteTransaction? tx, List<SqliteWriteOp> batch, int from)
    {
        try
        {
            tx ??= this.writer!.BeginTransaction();
            for (var i = from; i < batch.Count; i++)
            {
                batch[i].Execute(this, tx);
            }

            return true;
        }
        catch (Exception ex)
        {
            Fail(tx, batch, ex);
            tx = null;
            return false;
        }
    }

    /// <summary>
    /// Commits the batch, then tells every op, only after COMMIT returned: appends through <see cref="SqliteAppendReplies"/>
    /// (those that wait for an fsync after the syncer's), the others at once.
    /// </summary>
    private void Commit(SqliteTransaction tx, List<SqliteWriteOp> batch)
    {
        var oldestAppend = long.MaxValue;
        foreach (var op in batch)
        {
            if (op.AppendedReceivedAtMs is { } receivedAt)
            {
                oldestAppend = Math.Min(oldestAppend, receivedAt);
            }
        }

        try
        {
            tx.Commit();
        }
        catch (Exception ex)
        {
            Fail(tx, batch, ex);
            return;
        }

        tx.Dispose();
        var commit = Interlocked.Increment(ref commitCount);
        if (oldestAppend != long.MaxValue)
        {
            Unsynced.Committed(commit, oldestAppend);
        }

        checkpointer.Committed();
        foreach (var op in batch)
        {
            if (op is SqliteAppendOp append)
            {
                (append.WaitsForFsync ? waitingForFsync : acknowledged).Add(append);
            }
            else
            {
                op.Succeed();
            }
        }

        if (acknowledged.Count > 0)
        {
            SqliteAppendReplies.Succeed(acknowledged);
            acknowledged.Clear();
        }

        if (waitingForFsync.Count > 0)
        {
            syncer!.Committed(commit, waitingForFsync);
            waitingForFsync.Clear();
        }
    }

    /// <summary>Rolls the batch back and fails every op in it.</summary>
    private static void Fail(SqliteTransaction? tx, List<SqliteWriteOp> batch, Exception ex)
    {
        try
        {
            tx?.Rollback();
        }
        catch (Exception)
        {
            // The transaction may already be gone (SQLite rolls back by itself on some errors).
        }

        tx?.Dispose();
        foreach (var op in batch)
        {
            op.Fail(ex);
        }

        batch.Clear();
    }
}
