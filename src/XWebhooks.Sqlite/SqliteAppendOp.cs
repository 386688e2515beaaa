using Microsoft.Data.Sqlite;
using XWebhooks.Inbox;

namespace XWebhooks.Sqlite;

/// <summary>
/// Stores one delivery: the entry row and its body row. Under <see cref="XWebhooksSqliteDurability.Fsync"/> the caller
/// hears back after an fsync of the WAL that began after its commit (<see cref="SqliteWalSyncer"/>); the entry stays in
/// the queue's <see cref="SqliteRecentEntries"/>, where the worker's next lease finds it without the file.
/// </summary>
/// <remarks>
/// The caller's continuation runs inline wherever the outcome is set, so the outcome is only ever set on the thread
/// pool: a success through <see cref="SqliteAppendReplies"/>, the rare failure or cancellation in a work item of its
/// own. Never on the writer's or the syncer's thread, which would then run the rest of the request.
/// </remarks>
internal sealed class SqliteAppendOp(XInboxAppend delivery, bool fsync, SqliteInboxQueue queue, CancellationToken cancellationToken) : SqliteWriteOp
{
    private readonly TaskCompletionSource done = new();
    private readonly SqliteRecentEntries.Entry entry = new(
        delivery.Body.ToArray(),
        delivery.ReceivedAt.ToUnixTimeMilliseconds(),
        delivery.TraceParent,
        delivery.EventIndex.IsEmpty ? [] : delivery.EventIndex.ToArray());

    private long id;

    public Task Task => this.done.Task;

    /// <summary>True when the caller hears back only after an fsync covered the commit.</summary>
    public bool WaitsForFsync => fsync;

    public override long? AppendedReceivedAtMs => entry.ReceivedAtMs;

    public override bool TryCancel()
    {
        if (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }

        // Skipped by the writer from here on, so nothing else completes it.
        ThreadPool.UnsafeQueueUserWorkItem(static state => state.Done.TrySetCanceled(state.Token), (Done: done, Token: cancellationToken), preferLocal: false);
        return true;
    }

    public override void Execute(SqliteEngine engine, SqliteTransaction transaction)
    {
        // An append has nothing of its own to roll back: a failure here fails the whole batch.
        // No RETURNING: SQLite runs it through a temporary table, which costs more than the insert.
        var row = engine.Command(transaction, """
            INSERT INTO xwh_inbox (received_at, attempt, due_at, trace_parent) VALUES ($received, 1, $received, $trace_parent);
            """);
        row.Parameters.AddWithValue("$received", entry.ReceivedAtMs);
        row.Parameters.AddWithValue("$trace_parent", (object?)entry.TraceParent ?? DBNull.Value);
        row.ExecuteNonQuery();
        id = engine.LastInsertRowId;

        var body = engine.Command(transaction, "INSERT INTO xwh_inbox_body (id, body, event_index) VALUES ($id, $body, $event_index);");
        body.Parameters.AddWithValue("$id", id);
        body.Parameters.Add("$body", SqliteType.Blob).Value = entry.Body;
        body.Parameters.Add("$event_index", SqliteType.Blob).Value = entry.EventIndex.Length == 0 ? DBNull.Value : entry.EventIndex;
        body.ExecuteNonQuery();
        engine.NoteWalBytes(entry.Size);
        queue.Staged(id, entry);
    }

    public override void Succeed() => SqliteAppendReplies.Succeed([this]);

    /// <summary>The commit held (and, when it waited for one, the fsync): a lease from memory may take the entry now.</summary>
    public void Committed() => queue.Recent.Committed(id);

    /// <summary>Tells the caller; runs on the thread pool (see the remarks).</summary>
    public void Acknowledge() => this.done.TrySetResult();

    /// <summary>Committed, but the fsync after it failed: the sender hears the failure; the entry is in the file and is processed.</summary>
    public void SyncFailed(Exception exception)
    {
        Committed();
        FailOnThreadPool(exception);
    }

    public override void Fail(Exception exception)
    {
        // Ids of a rolled-back batch are handed out again.
        queue.Recent.Drop(id, entry);
        FailOnThreadPool(exception);
    }

    private void FailOnThreadPool(Exception exception)
        => ThreadPool.UnsafeQueueUserWorkItem(static state => state.Op.done.TrySetException(state.Exception), (Op: this, Exception: exception), preferLocal: false);
}
