namespace XWebhooks.Sqlite;

/// <summary>
/// The exclusive lock on <c>&lt;path&gt;.owner</c> that makes one process the owner of an inbox file for as long as it
/// has the file open. The operating system drops it when the process dies, however it dies.
/// </summary>
internal static class SqliteOwnerLock
{
    /// <summary>Takes the lock, or explains that another process holds it.</summary>
    /// <exception cref="InvalidOperationException">Another process has the inbox open.</exception>
    public static FileStream Take(string databasePath)
    {
        var lockPath = databasePath + ".owner";
        try
        {
            return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            throw new InvalidOperationException(
                $"The SQLite inbox '{databasePath}' is open in another process (it holds '{lockPath}'). One process owns a SQLite inbox: "
                + "give each receiver its own file, or use the Redis inbox for several instances.", ex);
        }
    }
}
