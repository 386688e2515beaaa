using Microsoft.Data.Sqlite;
using XWebhooks.Inbox;

namespace XWebhooks.Sqlite;

/// <summary>
/// Stores one delivery: the entry row and its body row. Under <see cref="XWebhooksSqliteDurability.Fsync"/> its commit
/// is fsync'd before the caller hears back; afterwards the body stays in <see cref="SqliteRecentEntries"/> for the worker.
/// </summary>
internal sealed class SqliteAppendOp(XInboxAppend delivery, bool fsync, SqliteRecentEntries recent, CancellationToken cancellationToken) : SqliteWriteOp
{
    private readonly TaskCompletionSource done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SqliteRecentEntries.Entry entry = new(
        delivery.Body.ToArray(),
        delivery.TraceParent,
        delivery.EventIndex.IsEmpty ? [] : delivery.EventIndex.ToArray());

    private readonly long receivedAtMs = delivery.ReceivedAt.ToUnixTimeMilliseconds();
    private long id;

    public Task Task => this.done.Task;

    public override bool NeedsFsync => fsync;

    public override long? AppendedReceivedAtMs => receivedAtMs;

    public override bool TryCancel()
        => cancellationToken.IsCancellationRequested && this.done.TrySetCanceled(cancellationToken);

    public override void Execute(SqliteEngine engine, SqliteTransaction transaction)
    {
        // An append has nothing of its own to roll back: a failure here fails the whole batch.
        // No RETURNING: SQLite runs it through a temporary table, which costs more than the insert.
        var row = engine.Command(transaction, """
            INSERT INTO xwh_inbox (received_at, attempt, due_at, trace_parent) VALUES ($received, 1, $received, $trace_parent);
            """);
        row.Parameters.AddWithValue("$received", receivedAtMs);
        row.Parameters.AddWithValue("$trace_parent", (object?)entry.TraceParent ?? DBNull.Value);
        row.ExecuteNonQuery();
        id = engine.LastInsertRowId;

        var body = engine.Command(transaction, "INSERT INTO xwh_inbox_body (id, body, event_index) VALUES ($id, $body, $event_index);");
        body.Parameters.AddWithValue("$id", id);
        body.Parameters.Add("$body", SqliteType.Blob).Value = entry.Body;
        body.Parameters.Add("$event_index", SqliteType.Blob).Value = entry.EventIndex.Length == 0 ? DBNull.Value : entry.EventIndex;
        body.ExecuteNonQuery();
        engine.NoteWalBytes(entry.Size);
    }

    public override void Succeed()
    {
        // Only now: ids of a rolled-back batch are handed out again.
        recent.TryAdd(id, entry);
        this.done.TrySetResult();
    }

    public override void Fail(Exception exception) => this.done.TrySetException(exception);
}
