using Microsoft.Data.Sqlite;

namespace XWebhooks.Sqlite;

/// <summary>
/// Copies committed WAL frames into the database on a connection and thread of its own (PASSIVE: never blocks the
/// writer): every checkpoint interval when something was committed, and sooner once the WAL grew by
/// <see cref="AfterBytes"/>. Small, frequent copies keep the checkpoint's fsync from delaying the writer's
/// (docs/reliability.md has the measurements). A complete checkpoint also puts every append committed before it on
/// disk, which is what <see cref="XWebhooksSqliteDurability.Process"/> waits for.
/// </summary>
internal sealed class SqliteCheckpointer(string connectionString, TimeSpan interval, SqliteEngine engine) : IAsyncDisposable
{
    private const int AfterBytes = 256 * 1024;
    private readonly CancellationTokenSource stop = new();
    private readonly AutoResetEvent walGrew = new(initialState: false);
    private Task? loop;
    private long bytesSinceSignal;

    public void Start() => loop = SqliteEngine.RunOnOwnThread(Loop, "SQLite checkpoints");

    /// <summary>Called by the writer thread for the bytes it wrote into the WAL.</summary>
    public void NoteWalBytes(long bytes) => bytesSinceSignal += bytes;

    /// <summary>Called by the writer thread after each commit: wakes the loop early once the WAL grew enough.</summary>
    public void Committed()
    {
        if (bytesSinceSignal >= AfterBytes)
        {
            bytesSinceSignal = 0;
            walGrew.Set();
        }
    }

    /// <summary>Checkpoints on a connection of its own, now.</summary>
    public bool CheckpointNow()
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        return Checkpoint(command);
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync().ConfigureAwait(false);
        if (loop is { } running)
        {
            await running.ConfigureAwait(false);
        }

        stop.Dispose();
        walGrew.Dispose();
    }

    private void Loop()
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        WaitHandle[] wakeUps = [walGrew, stop.Token.WaitHandle];
        long checkpointedAtCommit = 0;
        while (WaitHandle.WaitAny(wakeUps, interval) != 1)
        {
            var commits = engine.CommitCount;
            if (commits != checkpointedAtCommit && Checkpoint(command))
            {
                checkpointedAtCommit = commits;
            }
        }
    }

    /// <summary>Runs one PASSIVE checkpoint; true when it copied the whole WAL, so everything committed before it is on disk.</summary>
    private bool Checkpoint(SqliteCommand checkpoint)
    {
        var before = engine.CommitCount;
        try
        {
            using var result = checkpoint.ExecuteReader();
            // (busy, frames in the WAL, frames copied): the WAL was fsync'd, then copied and the database fsync'd.
            if (result.Read() && result.GetInt64(0) == 0 && result.GetInt64(1) == result.GetInt64(2))
            {
                engine.Unsynced.SyncedThrough(before);
                return true;
            }
        }
        catch (SqliteException)
        {
            // Busy with another checkpoint or a transient I/O error: the next round (or the writer's backstop) does it.
        }

        return false;
    }
}
