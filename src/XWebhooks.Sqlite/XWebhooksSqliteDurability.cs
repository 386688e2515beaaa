namespace XWebhooks.Sqlite;

/// <summary>What an acknowledged append of the SQLite inbox survives (<see cref="XWebhooksSqliteOptions.Durability"/>).</summary>
public enum XWebhooksSqliteDurability
{
    /// <summary>
    /// The default: an append is acknowledged after an fsync of the write-ahead log that covers its group commit, so an
    /// acknowledged delivery survives a process crash and power loss. Concurrent appends share one fsync.
    /// </summary>
    Fsync,

    /// <summary>
    /// An append is acknowledged once committed to the write-ahead log (in the operating system's cache), and reaches
    /// the disk with the next checkpoint (within tens of milliseconds). It survives a process crash (SIGKILL); power
    /// loss can lose the last acknowledged deliveries, so the delivery watermark never moves past an append that is not
    /// on disk yet and gap recovery replays them.
    /// </summary>
    Process,
}
