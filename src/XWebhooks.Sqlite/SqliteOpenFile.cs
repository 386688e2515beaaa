namespace XWebhooks.Sqlite;

/// <summary>
/// One open inbox file: its engine and the stores on it. Stores opened on the same path in one process share it (one
/// writer, one set of leases), the way the file is shared by nobody else: another process is refused
/// (<see cref="SqliteOwnerLock"/>). Closed when the last store on it is disposed.
/// </summary>
internal sealed class SqliteOpenFile
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, SqliteOpenFile> Open = new(StringComparer.Ordinal);
    private static readonly Dictionary<string, Task> Closing = new(StringComparer.Ordinal);
    private int users;

    private SqliteOpenFile(XWebhooksSqliteOptions options, TimeProvider time, Task previousClose)
    {
        Engine = new SqliteEngine(options, time, previousClose);
        Queue = new SqliteInboxQueue(Engine, options.RecentEntryBytes);
        Dedupe = new SqliteDedupeStore(Engine);
    }

    public SqliteEngine Engine { get; }

    public SqliteInboxQueue Queue { get; }

    public SqliteDedupeStore Dedupe { get; }

    /// <summary>The open file at <paramref name="options"/>' path, opened with these options if nobody in this process has it open.</summary>
    public static SqliteOpenFile Acquire(XWebhooksSqliteOptions options, TimeProvider time)
    {
        var path = Path.GetFullPath(options.Path);
        lock (Gate)
        {
            if (!Open.TryGetValue(path, out var file))
            {
                // A store closing the file right now still holds the owner lock: the new engine waits for it.
                file = new SqliteOpenFile(options, time, Closing.GetValueOrDefault(path, Task.CompletedTask));
                Open.Add(path, file);
            }

            file.users++;
            return file;
        }
    }

    /// <summary>One user is done; the last one closes the file.</summary>
    public async ValueTask ReleaseAsync()
    {
        Task closing;
        lock (Gate)
        {
            if (--users > 0)
            {
                return;
            }

            Open.Remove(Engine.Path);
            closing = Engine.DisposeAsync().AsTask();
            Closing[Engine.Path] = closing;
        }

        try
        {
            await closing.ConfigureAwait(false);
        }
        finally
        {
            lock (Gate)
            {
                if (Closing.TryGetValue(Engine.Path, out var current) && current == closing)
                {
                    Closing.Remove(Engine.Path);
                }
            }
        }
    }
}
