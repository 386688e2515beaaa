using System.Globalization;
using Microsoft.Data.Sqlite;
using XWebhooks.Inbox;

namespace XWebhooks.Sqlite;

/// <summary>
/// The inbox queue on the engine: tables <c>xwh_inbox</c> (one row per pending delivery), <c>xwh_inbox_body</c> and
/// <c>xwh_dead_letters</c>, with leases in memory (<see cref="SqliteLeases"/>) and recent bodies in memory
/// (<see cref="SqliteRecentEntries"/>).
/// </summary>
/// <remarks>
/// <para>Only appends wait for an fsync (under <see cref="XWebhooksSqliteDurability.Fsync"/>). Completions are not
/// waited for at all.</para>
/// <para>A lease takes the entries this process appended from memory, without the writer, while the file cannot hold
/// anything else due: after a lease from the file came back short, until an append did not fit in memory, a redrive,
/// or <see cref="FileLeaseIntervalMs"/> passed (retries that came due, leases that ran out). Otherwise it reads the
/// file and writes that each attempt started (committed, not fsync'd), so an entry whose attempt was cut short by a
/// crash counts one more attempt on its next lease, and one that did so <c>MaxAttempts</c> times is dead-lettered
/// instead of leased: a delivery that kills the process cannot keep the worker in a crash loop. A first attempt leased
/// from memory is not written, so a delivery that kills the process runs at most once more than <c>MaxAttempts</c>.</para>
/// </remarks>
internal sealed class SqliteInboxQueue(SqliteEngine engine, long recentEntryBytes)
{
    private const string DeadLetterSql = """
        INSERT INTO xwh_dead_letters (inbox_id, body, received_at, attempts, error, dead_lettered_at)
        SELECT i.id, b.body, i.received_at, $attempts, $error, $now
        FROM xwh_inbox i JOIN xwh_inbox_body b ON b.id = i.id
        WHERE i.id = $id;
        DELETE FROM xwh_inbox WHERE id = $id;
        """;

    // The body row follows (trigger xwh_inbox_body_goes_with_its_entry).
    private const string DeleteSql = "DELETE FROM xwh_inbox WHERE id = $id;";

    /// <summary>How long a lease may hand out entries from memory before it reads the file again.</summary>
    internal const long FileLeaseIntervalMs = 100;

    private readonly SqliteLeases leases = new();

    // Written on the writer thread, read by leases: 1 while the file may hold due entries that memory does not.
    private int fileMayHoldMore = 1;
    private long nextFileLeaseMs;

    /// <summary>Attempts an entry gets; one cut short by a crash or an expired lease counts too. Set by the registration from the worker's options.</summary>
    public int MaxAttempts { get; set; } = int.MaxValue;

    public SqliteRecentEntries Recent { get; } = new(recentEntryBytes);

    /// <summary>Test hook: completions never reach the file, as when the process dies before their commit (the lease stays held until it runs out).</summary>
    internal bool LoseCompletions { get; set; }

    public async ValueTask AppendAsync(XInboxAppend delivery, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var op = new SqliteAppendOp(delivery, engine.Durability == XWebhooksSqliteDurability.Fsync, this, cancellationToken);
        await engine.EnqueueAsync(op).ConfigureAwait(false);
        await op.Task.ConfigureAwait(false);
    }

    public async ValueTask<IReadOnlyList<XInboxEntry>> LeaseAsync(int maxEntries, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxEntries);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseDuration, TimeSpan.Zero);
        await engine.EnsureStartedAsync().ConfigureAwait(false);

        var token = Guid.NewGuid().ToString("N");
        if (Volatile.Read(ref fileMayHoldMore) == 0 && engine.NowMs() < Volatile.Read(ref nextFileLeaseMs))
        {
            // Even when it comes back empty: the file holds nothing due that memory does not, and a lease from the
            // file would cost the writer a commit (the worker asks again at the next append's signal).
            return LeaseRecent(maxEntries, leaseDuration, token);
        }

        var taken = new List<long>();
        try
        {
            return await engine.ExecuteAsync(tx => Lease(tx, maxEntries, leaseDuration, token, taken), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            foreach (var id in taken)
            {
                leases.Forget(id, token);
            }

            // The entries it took from memory are in the file only now.
            Volatile.Write(ref fileMayHoldMore, 1);
            throw;
        }
    }

    /// <summary>Called by an append inside its transaction (writer thread): keeps the entry in memory for the lease.</summary>
    internal void Staged(long id, SqliteRecentEntries.Entry entry)
    {
        if (!Recent.Stage(id, entry))
        {
            // Too big for memory now: only a lease from the file finds it.
            Volatile.Write(ref fileMayHoldMore, 1);
        }
    }

    /// <summary>Leases committed entries from memory, oldest first: their first attempt, nothing written.</summary>
    private List<XInboxEntry> LeaseRecent(int maxEntries, TimeSpan leaseDuration, string token)
    {
        var taken = new List<(long Id, SqliteRecentEntries.Entry Entry)>(Math.Min(maxEntries, 64));
        var now = engine.NowMs();
        var until = now + (long)Math.Ceiling(leaseDuration.TotalMilliseconds);
        Recent.TakeCommitted(maxEntries, id => leases.TryTake(id, token, until, startWritten: false, now), taken);
        var entries = new List<XInboxEntry>(taken.Count);
        foreach (var (id, entry) in taken)
        {
            entries.Add(new XInboxEntry(id.ToString(CultureInfo.InvariantCulture), entry.Body, DateTimeOffset.FromUnixTimeMilliseconds(entry.ReceivedAtMs), 1, token)
            {
                TraceParent = entry.TraceParent,
                EventIndex = entry.EventIndex,
            });
        }

        return entries;
    }

    private List<XInboxEntry> Lease(SqliteTransaction tx, int maxEntries, TimeSpan leaseDuration, string token, List<long> taken)
    {
        var now = engine.NowMs();
        var live = leases.LiveIds(now);

        // The first due rows, enough of them that the ones leased already cannot crowd out maxEntries others. The row
        // is read here and the attempt written by a plain UPDATE: UPDATE ... RETURNING goes through a temporary table
        // per statement, which cost more than the update.
        var due = engine.Command(tx, """
            SELECT id, received_at, attempt, attempt_started IS NOT NULL, trace_parent FROM xwh_inbox
            WHERE due_at <= $now ORDER BY id LIMIT $limit;
            """);
        due.Parameters.AddWithValue("$now", now);
        due.Parameters.AddWithValue("$limit", maxEntries + live.Count);
        var candidates = new List<(long Id, long ReceivedAt, int Attempt, string? TraceParent)>();
        var sawEveryDueRow = false;
        using (var reader = due.ExecuteReader())
        {
            while (candidates.Count < maxEntries)
            {
                if (!reader.Read())
                {
                    sawEveryDueRow = true;
                    break;
                }

                var id = reader.GetInt64(0);
                if (!live.Contains(id))
                {
                    // An attempt that started and never ended (crash, expired lease) counts: this one is attempt + 1.
                    var started = reader.GetBoolean(3) || leases.TakeUncountedAttempt(id);
                    var attempt = reader.GetInt32(2) + (started ? 1 : 0);
                    candidates.Add((id, reader.GetInt64(1), attempt, reader.IsDBNull(4) ? null : reader.GetString(4)));
                }
            }
        }

        // Each due row is leased now or was already: until an append misses memory or the interval passes, the
        // entries memory holds are all a lease needs.
        Volatile.Write(ref fileMayHoldMore, sawEveryDueRow ? 0 : 1);
        Volatile.Write(ref nextFileLeaseMs, now + FileLeaseIntervalMs);

        var until = now + (long)Math.Ceiling(leaseDuration.TotalMilliseconds);
        var entries = new List<XInboxEntry>(candidates.Count);
        foreach (var (id, receivedAt, attempt, traceParent) in candidates)
        {
            if (attempt > MaxAttempts)
            {
                Recent.TryTake(id, out _);
                var dead = engine.Command(tx, DeadLetterSql);
                dead.Parameters.AddWithValue("$attempts", attempt - 1);
                dead.Parameters.AddWithValue("$error", $"Every one of its {attempt - 1} attempts ended without an outcome (the process died or the lease ran out).");
                dead.Parameters.AddWithValue("$now", now);
                dead.Parameters.AddWithValue("$id", id);
                dead.ExecuteNonQuery();
                continue;
            }

            if (!leases.TryTake(id, token, until, startWritten: true, now))
            {
                // A lease from memory, running at the same time, took it after this one read the live leases.
                continue;
            }

            taken.Add(id);
            Recent.TryTake(id, out var recent);
            var start = engine.Command(tx, "UPDATE xwh_inbox SET attempt = $attempt, attempt_started = $now WHERE id = $id;");
            start.Parameters.AddWithValue("$attempt", attempt);
            start.Parameters.AddWithValue("$now", now);
            start.Parameters.AddWithValue("$id", id);
            start.ExecuteNonQuery();

            byte[] body;
            byte[] eventIndex;
            if (recent is not null)
            {
                (body, eventIndex) = (recent.Body, recent.EventIndex);
            }
            else
            {
                var read = engine.Command(tx, "SELECT body, event_index FROM xwh_inbox_body WHERE id = $id;");
                read.Parameters.AddWithValue("$id", id);
                using var reader = read.ExecuteReader();
                reader.Read();
                body = (byte[])reader.GetValue(0);
                eventIndex = reader.IsDBNull(1) ? [] : (byte[])reader.GetValue(1);
            }

            entries.Add(new XInboxEntry(id.ToString(CultureInfo.InvariantCulture), body, DateTimeOffset.FromUnixTimeMilliseconds(receivedAt), attempt, token)
            {
                TraceParent = traceParent,
                EventIndex = eventIndex,
            });
        }

        return entries;
    }

    /// <remarks>Returns at once: the delete rides along in the next commit. Lost (process death before it, power loss before an fsync), the entry simply runs again.</remarks>
    public ValueTask CompleteAsync(XInboxEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (LoseCompletions || !TryParseId(entry.Id, out var id) || !leases.TryEnd(id, entry.LeaseToken))
        {
            return ValueTask.CompletedTask;
        }

        var token = entry.LeaseToken;
        if (!engine.Post(new SqlitePostedOp(tx =>
            {
                var delete = engine.Command(tx, DeleteSql);
                delete.Parameters.AddWithValue("$id", id);
                delete.ExecuteNonQuery();
            }, afterCommitOrFailure: () => leases.Ended(id, token))))
        {
            throw new ObjectDisposedException(nameof(SqliteWebhookInbox));
        }

        return ValueTask.CompletedTask;
    }

    public async ValueTask RetryLaterAsync(XInboxEntry entry, DateTimeOffset notBefore, string error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(error);
        if (!TryParseId(entry.Id, out var id) || !leases.TryEnd(id, entry.LeaseToken))
        {
            return;
        }

        await EndLeaseWithAsync(id, entry.LeaseToken, tx =>
        {
            var command = engine.Command(tx, """
                UPDATE xwh_inbox SET attempt = attempt + 1, due_at = $due, attempt_started = NULL, last_error = $error WHERE id = $id;
                """);
            command.Parameters.AddWithValue("$due", notBefore.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$error", error);
            command.Parameters.AddWithValue("$id", id);
            return command.ExecuteNonQuery();
        }, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DeadLetterAsync(XInboxEntry entry, string error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(error);
        if (!TryParseId(entry.Id, out var id) || !leases.TryEnd(id, entry.LeaseToken))
        {
            return;
        }

        await EndLeaseWithAsync(id, entry.LeaseToken, tx =>
        {
            var command = engine.Command(tx, DeadLetterSql);
            command.Parameters.AddWithValue("$attempts", entry.Attempt);
            command.Parameters.AddWithValue("$error", error);
            command.Parameters.AddWithValue("$now", engine.NowMs());
            command.Parameters.AddWithValue("$id", id);
            return command.ExecuteNonQuery();
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs the write that ends a lease (<see cref="SqliteLeases.TryEnd"/> said yes); the entry is released for leases
    /// right after that commit, on the writer, or when the write failed or was cancelled (the entry is then due as before).
    /// </summary>
    private async ValueTask EndLeaseWithAsync(long id, string token, Func<SqliteTransaction, int> write, CancellationToken cancellationToken)
    {
        try
        {
            await engine.ExecuteAsync(write, cancellationToken, afterCommit: () => leases.Ended(id, token)).ConfigureAwait(false);
        }
        catch
        {
            leases.Ended(id, token);
            throw;
        }
    }

    public async ValueTask<IReadOnlyList<XDeadLetter>> ListDeadLettersAsync(int maxEntries, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxEntries);
        await engine.EnsureStartedAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return engine.Readers.Read(reader =>
        {
            var command = reader.Command("""
                SELECT id, body, received_at, attempts, error, dead_lettered_at
                FROM xwh_dead_letters ORDER BY id LIMIT $max;
                """);
            command.Parameters.AddWithValue("$max", maxEntries);
            var letters = new List<XDeadLetter>();
            using var rows = command.ExecuteReader();
            while (rows.Read())
            {
                letters.Add(new XDeadLetter(
                    rows.GetInt64(0).ToString(CultureInfo.InvariantCulture),
                    (byte[])rows.GetValue(1),
                    DateTimeOffset.FromUnixTimeMilliseconds(rows.GetInt64(2)),
                    rows.GetInt32(3),
                    rows.GetString(4),
                    DateTimeOffset.FromUnixTimeMilliseconds(rows.GetInt64(5))));
            }

            return letters;
        });
    }

    public async ValueTask<bool> RedriveAsync(string deadLetterId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deadLetterId);
        if (!TryParseId(deadLetterId, out var id))
        {
            return false;
        }

        return await engine.ExecuteAsync(tx =>
        {
            var command = engine.Command(tx, """
                INSERT INTO xwh_inbox (received_at, attempt, due_at)
                SELECT received_at, 1, $now FROM xwh_dead_letters WHERE id = $id;
                INSERT INTO xwh_inbox_body (id, body)
                SELECT last_insert_rowid(), body FROM xwh_dead_letters WHERE id = $id AND changes() = 1;
                DELETE FROM xwh_dead_letters WHERE id = $id;
                """);
            command.Parameters.AddWithValue("$now", engine.NowMs());
            command.Parameters.AddWithValue("$id", id);
            Volatile.Write(ref fileMayHoldMore, 1);
            return command.ExecuteNonQuery() > 0;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <remarks>On the writer, so it counts the completions queued before it.</remarks>
    public ValueTask<XInboxStats> GetStatsAsync(CancellationToken cancellationToken)
        => engine.ExecuteAsync(tx =>
        {
            var command = engine.Command(tx, """
                SELECT (SELECT COUNT(*) FROM xwh_inbox), (SELECT MIN(received_at) FROM xwh_inbox), (SELECT COUNT(*) FROM xwh_dead_letters);
                """);
            using var reader = command.ExecuteReader();
            reader.Read();
            return new XInboxStats(
                reader.GetInt64(0),
                reader.IsDBNull(1) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)),
                reader.GetInt64(2));
        }, cancellationToken);

    private static bool TryParseId(string id, out long value)
        => long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
