using System.Globalization;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using XWebhooks.Delivery;
using XWebhooks.Inbox;

namespace XWebhooks.Sqlite;

/// <summary>
/// The embedded durable inbox and dedupe store: one SQLite file in WAL mode with <c>synchronous=FULL</c>, for a
/// single receiver instance.
/// </summary>
/// <remarks>
/// <para>
/// <b>Durability.</b> Every write goes through one writer connection. Concurrent calls are queued and the
/// writer commits everything queued so far in one transaction (group commit); each call's task completes only
/// after that <c>COMMIT</c> returned, i.e. after the WAL was fsync'd. An acknowledged
/// <see cref="AppendAsync(XInboxAppend, CancellationToken)"/> therefore survives SIGKILL of the process and power loss, while many concurrent
/// deliveries share one fsync.
/// </para>
/// <para>
/// <b>Leases.</b> <see cref="LeaseAsync"/> is one <c>UPDATE … RETURNING</c> over due rows in id order. A lease
/// that ran out makes its row due again and the next lease counts another attempt. <see cref="CompleteAsync"/>,
/// <see cref="RetryLaterAsync"/> and <see cref="DeadLetterAsync"/> act only while the entry still carries the
/// caller's lease token; otherwise they do nothing (the lease expired and another lease owns the entry).
/// </para>
/// <para>
/// <b>Restart.</b> The store holds an exclusive lock on <c>&lt;path&gt;.owner</c> while open. The first store to open
/// the file after the previous owner died releases the leases that process held, so its entries are retried at
/// once rather than when their leases run out.
/// </para>
/// <para>Reads (<see cref="GetStatsAsync"/>, <see cref="ListDeadLettersAsync"/>, <see cref="WasProcessedAsync"/>) use
/// separate pooled connections and never wait for the writer.</para>
/// </remarks>
public sealed class SqliteWebhookInbox : IXWebhookInbox, IXWebhookDedupe, IAsyncDisposable, IDisposable
{
    private const int MaxBatch = 1024;
    private const int DedupeCleanupEvery = 512;
    private const int DedupeCleanupLimit = 1000;
    private const int WriterCheckpointPages = 8192;
    private const int CheckpointAfterBodyBytes = 256 * 1024;
    private static readonly TimeSpan CheckpointInterval = TimeSpan.FromMilliseconds(50);

    private readonly string connectionString;
    private readonly string path;
    private FileStream? ownerLock;
    private readonly TimeProvider time;
    private readonly Channel<WriteOp> queue = Channel.CreateUnbounded<WriteOp>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock startLock = new();
    private Task? started;
    private Task? writerLoop;
    private Task? checkpointLoop;
    private readonly CancellationTokenSource stopCheckpoints = new();
    private readonly AutoResetEvent walGrew = new(initialState: false);
    private SqliteConnection? writer;
    private SqliteCommand? insert;
    private readonly Dictionary<string, SqliteCommand> commands = new(StringComparer.Ordinal);
    private long commitCount;
    private long bodyBytesSinceCheckpointSignal;
    private int marksSinceCleanup;
    private int disposed;

    /// <summary>Creates the store. The file and its schema are created on first use.</summary>
    /// <param name="options">Where the database file is.</param>
    /// <param name="timeProvider">The clock for due times, leases and dedupe expiry; <see cref="TimeProvider.System"/> when null.</param>
    public SqliteWebhookInbox(XWebhooksSqliteOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Path, nameof(options) + "." + nameof(options.Path));

        path = Path.GetFullPath(options.Path);
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = options.Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
        }.ToString();
        time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>How many write transactions were committed; fewer than writes when commits were shared.</summary>
    internal long CommitCount => Interlocked.Read(ref commitCount);

    /// <inheritdoc />
    public async ValueTask AppendAsync(XInboxAppend delivery, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var op = new AppendOp(delivery.Body.ToArray(), delivery.ReceivedAt.ToUnixTimeMilliseconds(), delivery.TraceParent, cancellationToken);
        await EnqueueAsync(op).ConfigureAwait(false);
        await op.Task.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<XInboxEntry>> LeaseAsync(int maxEntries, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxEntries);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseDuration, TimeSpan.Zero);

        var token = Guid.NewGuid().ToString("N");
        return await ExecuteAsync<IReadOnlyList<XInboxEntry>>(tx =>
        {
            var now = NowMs();
            var command = Command(tx, """
                UPDATE xwh_inbox
                SET attempt = attempt + (CASE WHEN lease_until IS NULL THEN 0 ELSE 1 END),
                    lease_token = $token,
                    lease_until = $until
                WHERE id IN (
                    SELECT id FROM xwh_inbox
                    WHERE due_at <= $now AND (lease_until IS NULL OR lease_until < $now)
                    ORDER BY id
                    LIMIT $max)
                RETURNING id, received_at, attempt, trace_parent;
                """);
            command.Parameters.AddWithValue("$token", token);
            command.Parameters.AddWithValue("$until", now + (long)Math.Ceiling(leaseDuration.TotalMilliseconds));
            command.Parameters.AddWithValue("$now", now);
            command.Parameters.AddWithValue("$max", maxEntries);

            var leased = new List<(long Id, long ReceivedAt, int Attempt, string? TraceParent)>();
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    leased.Add((reader.GetInt64(0), reader.GetInt64(1), reader.GetInt32(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
                }
            }

            var entries = new List<XInboxEntry>(leased.Count);
            foreach (var (id, receivedAt, attempt, traceParent) in leased)
            {
                var body = Command(tx, "SELECT body FROM xwh_inbox_body WHERE id = $id;");
                body.Parameters.AddWithValue("$id", id);
                entries.Add(new XInboxEntry(
                    id.ToString(CultureInfo.InvariantCulture),
                    (byte[])body.ExecuteScalar()!,
                    DateTimeOffset.FromUnixTimeMilliseconds(receivedAt),
                    attempt,
                    token) { TraceParent = traceParent });
            }

            // RETURNING does not promise an order.
            entries.Sort(static (a, b) => long.Parse(a.Id, CultureInfo.InvariantCulture).CompareTo(long.Parse(b.Id, CultureInfo.InvariantCulture)));
            return entries;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask CompleteAsync(XInboxEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!TryParseId(entry.Id, out var id))
        {
            return;
        }

        await ExecuteAsync(tx =>
        {
            var command = Command(tx, """
                DELETE FROM xwh_inbox WHERE id = $id AND lease_token = $token;
                DELETE FROM xwh_inbox_body WHERE id = $id AND NOT EXISTS (SELECT 1 FROM xwh_inbox WHERE id = $id);
                """);
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$token", entry.LeaseToken);
            return command.ExecuteNonQuery();
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask RetryLaterAsync(XInboxEntry entry, DateTimeOffset notBefore, string error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(error);
        if (!TryParseId(entry.Id, out var id))
        {
            return;
        }

        await ExecuteAsync(tx =>
        {
            var command = Command(tx, """
                UPDATE xwh_inbox
                SET attempt = attempt + 1, due_at = $due, lease_token = NULL, lease_until = NULL, last_error = $error
                WHERE id = $id AND lease_token = $token;
                """);
            command.Parameters.AddWithValue("$due", notBefore.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$error", error);
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$token", entry.LeaseToken);
            return command.ExecuteNonQuery();
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DeadLetterAsync(XInboxEntry entry, string error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(error);
        if (!TryParseId(entry.Id, out var id))
        {
            return;
        }

        await ExecuteAsync(tx =>
        {
            var command = Command(tx, """
                INSERT INTO xwh_dead_letters (inbox_id, body, received_at, attempts, error, dead_lettered_at)
                SELECT i.id, b.body, i.received_at, i.attempt, $error, $now
                FROM xwh_inbox i JOIN xwh_inbox_body b ON b.id = i.id
                WHERE i.id = $id AND i.lease_token = $token;
                DELETE FROM xwh_inbox WHERE id = $id AND lease_token = $token;
                DELETE FROM xwh_inbox_body WHERE id = $id AND NOT EXISTS (SELECT 1 FROM xwh_inbox WHERE id = $id);
                """);
            command.Parameters.AddWithValue("$error", error);
            command.Parameters.AddWithValue("$now", NowMs());
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$token", entry.LeaseToken);
            return command.ExecuteNonQuery();
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<XDeadLetter>> ListDeadLettersAsync(int maxEntries, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxEntries);
        await using var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, body, received_at, attempts, error, dead_lettered_at
            FROM xwh_dead_letters ORDER BY id LIMIT $max;
            """;
        command.Parameters.AddWithValue("$max", maxEntries);

        var letters = new List<XDeadLetter>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            letters.Add(new XDeadLetter(
                reader.GetInt64(0).ToString(CultureInfo.InvariantCulture),
                (byte[])reader.GetValue(1),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
                reader.GetInt32(3),
                reader.GetString(4),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5))));
        }

        return letters;
    }

    /// <inheritdoc />
    public async ValueTask<bool> RedriveAsync(string deadLetterId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deadLetterId);
        if (!TryParseId(deadLetterId, out var id))
        {
            return false;
        }

        return await ExecuteAsync(tx =>
        {
            var command = Command(tx, """
                INSERT INTO xwh_inbox (received_at, attempt, due_at)
                SELECT received_at, 1, $now FROM xwh_dead_letters WHERE id = $id;
                INSERT INTO xwh_inbox_body (id, body)
                SELECT last_insert_rowid(), body FROM xwh_dead_letters WHERE id = $id AND changes() = 1;
                DELETE FROM xwh_dead_letters WHERE id = $id;
                """);
            command.Parameters.AddWithValue("$now", NowMs());
            command.Parameters.AddWithValue("$id", id);
            return command.ExecuteNonQuery() > 0;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<XInboxStats> GetStatsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT COUNT(*) FROM xwh_inbox), (SELECT MIN(received_at) FROM xwh_inbox), (SELECT COUNT(*) FROM xwh_dead_letters);
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return new XInboxStats(
            reader.GetInt64(0),
            reader.IsDBNull(1) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)),
            reader.GetInt64(2));
    }

    /// <inheritdoc />
    public async ValueTask<bool> WasProcessedAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT EXISTS (SELECT 1 FROM xwh_dedupe WHERE key = $key AND expires_at > $now);";
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$now", NowMs());
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long and not 0;
    }

    /// <inheritdoc />
    /// <remarks>Shares the group commit of appends. Every few hundred marks also deletes a bounded number of expired keys.</remarks>
    public async ValueTask MarkProcessedAsync(string key, TimeSpan retention, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(retention, TimeSpan.Zero);

        await ExecuteAsync(tx =>
        {
            var now = NowMs();
            var command = Command(tx, """
                INSERT INTO xwh_dedupe (key, expires_at) VALUES ($key, $expires)
                ON CONFLICT (key) DO UPDATE SET expires_at = MAX(expires_at, excluded.expires_at);
                """);
            command.Parameters.AddWithValue("$key", key);
            command.Parameters.AddWithValue("$expires", now + (long)Math.Ceiling(retention.TotalMilliseconds));
            command.ExecuteNonQuery();

            if (++marksSinceCleanup >= DedupeCleanupEvery)
            {
                marksSinceCleanup = 0;
                DeleteExpiredKeys(tx, now);
            }

            return 0;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes expired dedupe keys now (at most a bounded number); returns how many were deleted.</summary>
    internal ValueTask<int> DeleteExpiredKeysAsync(CancellationToken cancellationToken)
        => ExecuteAsync(tx => DeleteExpiredKeys(tx, NowMs()), cancellationToken);

    /// <summary>Commits what is queued, stops the writer and closes the file. Safe to call more than once.</summary>
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

        await stopCheckpoints.CancelAsync().ConfigureAwait(false);
        if (checkpointLoop is { } checkpoints)
        {
            await checkpoints.ConfigureAwait(false);
        }

        stopCheckpoints.Dispose();
        walGrew.Dispose();

        this.insert?.Dispose();
        foreach (var command in commands.Values)
        {
            command.Dispose();
        }

        if (this.writer is { } writer)
        {
            await writer.DisposeAsync().ConfigureAwait(false);
            SqliteConnection.ClearPool(writer);
        }

        ownerLock?.Dispose();
    }

    /// <summary>Synchronous <see cref="DisposeAsync"/>, for containers disposed synchronously.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private long NowMs() => time.GetUtcNow().ToUnixTimeMilliseconds();

    private static bool TryParseId(string id, out long value)
        => long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    /// <summary>
    /// The writer's command for <paramref name="sql"/>, prepared once and reused (the writer is single-threaded):
    /// preparing a statement costs more than running these small ones, and the writer is the inbox's bottleneck.
    /// Owned by the inbox: callers must not dispose it.
    /// </summary>
    internal SqliteCommand Command(SqliteTransaction transaction, string sql)
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

    private int DeleteExpiredKeys(SqliteTransaction transaction, long now)
    {
        var command = Command(transaction, """
            DELETE FROM xwh_dedupe WHERE key IN (SELECT key FROM xwh_dedupe WHERE expires_at <= $now LIMIT $limit);
            """);
        command.Parameters.AddWithValue("$now", now);
        command.Parameters.AddWithValue("$limit", DedupeCleanupLimit);
        return command.ExecuteNonQuery();
    }

    /// <summary>Runs <paramref name="work"/> on the writer inside the next group commit; completes after COMMIT.</summary>
    internal async ValueTask<T> ExecuteAsync<T>(Func<SqliteTransaction, T> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var op = new CommandOp<T>(work, cancellationToken);
        await EnqueueAsync(op).ConfigureAwait(false);
        return await op.Task.ConfigureAwait(false);
    }

    private async ValueTask EnqueueAsync(WriteOp op)
    {
        await EnsureStartedAsync().ConfigureAwait(false);
        if (!queue.Writer.TryWrite(op))
        {
            throw new ObjectDisposedException(nameof(SqliteWebhookInbox));
        }
    }

    internal async ValueTask<SqliteConnection> OpenReaderAsync(CancellationToken cancellationToken)
    {
        await EnsureStartedAsync().ConfigureAwait(false);
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private Task EnsureStartedAsync()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        lock (startLock)
        {
            if (this.started is null || this.started.IsFaulted)
            {
                // A failed start (say, a missing directory) is retried by the next call.
                this.started = Task.Run(Start);
            }

            return this.started;
        }
    }

    private void Start()
    {
        var writer = new SqliteConnection(connectionString);
        try
        {
            writer.Open();
            using (var pragmas = writer.CreateCommand())
            {
                // WAL survives in the file; synchronous and busy_timeout are per connection.
                // The writer checkpoints only as a backstop (WriterCheckpointPages); CheckpointLoopAsync copies the WAL
                // into the database beside it, so acknowledgements do not wait behind checkpoints.
                pragmas.CommandText = $"PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000; PRAGMA wal_autocheckpoint={WriterCheckpointPages};";
                pragmas.ExecuteNonQuery();
            }

            using (var tx = writer.BeginTransaction())
            {
                SqliteSchema.Ensure(writer, tx);
                if (TryBecomeOwner())
                {
                    ReleaseLeasesOfEarlierProcesses(writer, tx);
                }

                tx.Commit();
            }

            var insert = writer.CreateCommand();
            insert.CommandText = """
                INSERT INTO xwh_inbox (received_at, attempt, due_at, trace_parent) VALUES ($received, 1, $due, $trace_parent);
                INSERT INTO xwh_inbox_body (id, body) VALUES (last_insert_rowid(), $body);
                """;
            insert.Parameters.Add("$body", SqliteType.Blob);
            insert.Parameters.Add("$received", SqliteType.Integer);
            insert.Parameters.Add("$due", SqliteType.Integer);
            insert.Parameters.Add("$trace_parent", SqliteType.Text);

            this.writer = writer;
            this.insert = insert;
            writerLoop = RunOnOwnThread(WriterLoop, "SQLite writer");
            checkpointLoop = RunOnOwnThread(CheckpointLoop, "SQLite checkpoints");
        }
        catch
        {
            writer.Dispose();
            ownerLock?.Dispose();
            ownerLock = null;
            throw;
        }
    }

    /// <summary>
    /// Takes an exclusive lock on <c>&lt;path&gt;.owner</c> for the store's lifetime (the OS drops it when the process dies).
    /// False when another live store holds it: then the leases in the file may be that store's and stay as they are.
    /// </summary>
    private bool TryBecomeOwner()
    {
        try
        {
            ownerLock = new FileStream(path + ".owner", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>
    /// Called only by the owner (<see cref="TryBecomeOwner"/>): no other live store uses the file, so a lease still
    /// held was taken by a process that is gone (killed, crashed). The entry is due now instead of after the rest
    /// of its lease, and the next lease counts it as another attempt.
    /// </summary>
    private static void ReleaseLeasesOfEarlierProcesses(SqliteConnection writer, SqliteTransaction transaction)
    {
        using var command = writer.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "UPDATE xwh_inbox SET lease_until = 0 WHERE lease_until > 0;";
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Runs <paramref name="loop"/> on a thread of its own. The writer and the checkpointer block in fsync for most of
    /// their time; on the thread pool (two threads on a two-core machine) that blocking delays every request's
    /// continuation behind it, which showed as a p99 time-to-ack several times the fsync latency.
    /// </summary>
    private static Task RunOnOwnThread(Action loop, string name)
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
        var batch = new List<WriteOp>(MaxBatch);
        while (WaitToRead(reader))
        {
            while (batch.Count < MaxBatch && reader.TryRead(out var op))
            {
                if (!op.TryCancel())
                {
                    batch.Add(op);
                }
            }

            if (batch.Count > 0)
            {
                CommitBatch(batch);
                batch.Clear();
            }
        }
    }

    /// <summary>Blocks the writer's own thread until there is work (true) or the queue was completed (false).</summary>
    private static bool WaitToRead(ChannelReader<WriteOp> reader)
    {
        var wait = reader.WaitToReadAsync();
        return wait.IsCompleted ? wait.GetAwaiter().GetResult() : wait.AsTask().GetAwaiter().GetResult();
    }

    /// <summary>
    /// Copies committed WAL frames into the database on its own connection (PASSIVE: never blocks the writer): every
    /// <see cref="CheckpointInterval"/> when something was committed, and sooner once the writer has appended
    /// <see cref="CheckpointAfterBodyBytes"/> of bodies. Copies must stay small: the copy's fsync and the writer's
    /// next fsync share the disk, so a checkpoint of several megabytes delays the acknowledgements queued behind it
    /// (measured with 5.8 KB bodies at saturation: p99 time-to-ack 19–21 ms with a 50 ms timer alone, about 10 ms
    /// with the byte trigger). A checkpoint after every commit was worse for small bodies: twice the fsyncs.
    /// The WAL can only start over once everything in it was copied; the writer's own checkpoint at
    /// <see cref="WriterCheckpointPages"/> finishes the little this loop has not copied yet, which bounds the WAL.
    /// </summary>
    private void CheckpointLoop()
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        WaitHandle[] wakeUps = [walGrew, stopCheckpoints.Token.WaitHandle];
        long checkpointedAtCommit = 0;
        while (WaitHandle.WaitAny(wakeUps, CheckpointInterval) != 1)
        {
            var commits = CommitCount;
            if (commits == checkpointedAtCommit)
            {
                continue;
            }

            checkpointedAtCommit = commits;
            try
            {
                command.ExecuteNonQuery();
            }
            catch (SqliteException)
            {
                // Busy with another checkpoint or a transient I/O error: the next round (or the writer's backstop) does it.
            }
        }
    }

    /// <summary>Runs the batch in one transaction, then completes every waiter: only after COMMIT returned.</summary>
    private void CommitBatch(List<WriteOp> batch)
    {
        SqliteTransaction? tx = null;
        try
        {
            tx = this.writer!.BeginTransaction();
            this.insert!.Transaction = tx;
            foreach (var op in batch)
            {
                op.Execute(this, tx);
            }

            tx.Commit();
        }
        catch (Exception ex)
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

            return;
        }

        tx.Dispose();
        Interlocked.Increment(ref commitCount);
        if (bodyBytesSinceCheckpointSignal >= CheckpointAfterBodyBytes)
        {
            bodyBytesSinceCheckpointSignal = 0;
            walGrew.Set();
        }
        foreach (var op in batch)
        {
            op.Succeed();
        }
    }

    private abstract class WriteOp
    {
        /// <summary>Completes a waiter that gave up before its write started; true when it did.</summary>
        public abstract bool TryCancel();

        public abstract void Execute(SqliteWebhookInbox inbox, SqliteTransaction transaction);

        public abstract void Succeed();

        public abstract void Fail(Exception exception);
    }

    private sealed class AppendOp(byte[] body, long receivedAtMs, string? traceParent, CancellationToken cancellationToken) : WriteOp
    {
        private readonly TaskCompletionSource done = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Task => this.done.Task;

        public override bool TryCancel()
            => cancellationToken.IsCancellationRequested && this.done.TrySetCanceled(cancellationToken);

        public override void Execute(SqliteWebhookInbox inbox, SqliteTransaction transaction)
        {
            // An append has nothing of its own to roll back: a failure here fails the whole batch.
            var insert = inbox.insert!;
            insert.Parameters[0].Value = body;
            insert.Parameters[1].Value = receivedAtMs;
            insert.Parameters[2].Value = receivedAtMs;
            insert.Parameters[3].Value = (object?)traceParent ?? DBNull.Value;
            insert.ExecuteNonQuery();
            inbox.bodyBytesSinceCheckpointSignal += body.Length;
        }

        public override void Succeed() => this.done.TrySetResult();

        public override void Fail(Exception exception) => this.done.TrySetException(exception);
    }

    private sealed class CommandOp<T>(Func<SqliteTransaction, T> work, CancellationToken cancellationToken) : WriteOp
    {
        private readonly TaskCompletionSource<T> done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? result;
        private Exception? error;

        public Task<T> Task => this.done.Task;

        public override bool TryCancel()
            => cancellationToken.IsCancellationRequested && this.done.TrySetCanceled(cancellationToken);

        public override void Execute(SqliteWebhookInbox inbox, SqliteTransaction transaction)
        {
            // A savepoint keeps one failing command from failing the others that share the commit.
            inbox.Command(transaction, "SAVEPOINT op;").ExecuteNonQuery();
            try
            {
                result = work(transaction);
            }
            catch (SqliteException ex)
            {
                inbox.Command(transaction, "ROLLBACK TO SAVEPOINT op;").ExecuteNonQuery();
                error = ex;
            }

            inbox.Command(transaction, "RELEASE SAVEPOINT op;").ExecuteNonQuery();
        }

        public override void Succeed()
        {
            if (error is not null)
            {
                this.done.TrySetException(error);
            }
            else
            {
                this.done.TrySetResult(result!);
            }
        }

        public override void Fail(Exception exception) => this.done.TrySetException(exception);
    }
}
