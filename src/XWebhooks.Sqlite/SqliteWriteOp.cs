using Microsoft.Data.Sqlite;

namespace XWebhooks.Sqlite;

/// <summary>One unit of work for the writer: runs inside a group commit, then hears whether the commit held.</summary>
internal abstract class SqliteWriteOp
{
    /// <summary>The received-at time (Unix ms) of the delivery this op appends; null for other ops.</summary>
    public virtual long? AppendedReceivedAtMs => null;

    /// <summary>Completes a waiter that gave up before its write started; true when it did (the op is then skipped).</summary>
    public virtual bool TryCancel() => false;

    /// <summary>Runs on the writer thread inside the batch's transaction.</summary>
    public abstract void Execute(SqliteEngine engine, SqliteTransaction transaction);

    /// <summary>The batch committed.</summary>
    public abstract void Succeed();

    /// <summary>The batch failed and was rolled back.</summary>
    public abstract void Fail(Exception exception);
}

/// <summary>
/// Runs a delegate in the next group commit. A savepoint keeps one failing command from failing the others that share
/// the commit. Its task completes after the commit, without waiting for an fsync.
/// </summary>
internal sealed class SqliteCommandOp<T>(Func<SqliteTransaction, T> work, Action? afterCommit, CancellationToken cancellationToken) : SqliteWriteOp
{
    private readonly TaskCompletionSource<T> done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T? result;
    private Exception? error;

    public Task<T> Task => this.done.Task;

    public override bool TryCancel()
        => cancellationToken.IsCancellationRequested && this.done.TrySetCanceled(cancellationToken);

    public override void Execute(SqliteEngine engine, SqliteTransaction transaction)
    {
        engine.Command(transaction, "SAVEPOINT op;").ExecuteNonQuery();
        try
        {
            result = work(transaction);
        }
        catch (SqliteException ex)
        {
            engine.Command(transaction, "ROLLBACK TO SAVEPOINT op;").ExecuteNonQuery();
            error = ex;
        }

        engine.Command(transaction, "RELEASE SAVEPOINT op;").ExecuteNonQuery();
    }

    public override void Succeed()
    {
        if (error is not null)
        {
            this.done.TrySetException(error);
            return;
        }

        afterCommit?.Invoke();
        this.done.TrySetResult(result!);
    }

    public override void Fail(Exception exception) => this.done.TrySetException(exception);
}

/// <summary>
/// A write nobody waits for (completions, dedupe marks): it rides along in the next group commit, which does not wait
/// for fsync on its account. Lost if the process dies before that commit, or on power loss before the WAL reaches the
/// disk; callers accept that (an event then runs once more). <paramref name="work"/> runs single statements, which
/// SQLite undoes by themselves when they fail, so it needs no savepoint.
/// </summary>
internal sealed class SqlitePostedOp(Action<SqliteTransaction> work, Action? afterCommitOrFailure) : SqliteWriteOp
{
    public override void Execute(SqliteEngine engine, SqliteTransaction transaction)
    {
        try
        {
            work(transaction);
        }
        catch (SqliteException)
        {
            // Nobody waits to hear it: like a lost completion.
        }
    }

    public override void Succeed() => afterCommitOrFailure?.Invoke();

    public override void Fail(Exception exception) => afterCommitOrFailure?.Invoke();
}

/// <summary>Wakes the writer for riders that waited long enough (<see cref="SqliteEngine.RiderDelay"/>), or to take more; never committed itself.</summary>
internal sealed class SqliteWakeOp : SqliteWriteOp
{
    public static readonly SqliteWakeOp Instance = new();

    public override void Execute(SqliteEngine engine, SqliteTransaction transaction)
    {
    }

    public override void Succeed()
    {
    }

    public override void Fail(Exception exception)
    {
    }
}
