namespace XWebhooks.Sqlite;

/// <summary>
/// Bodies (with trace parent and event index) of recently appended entries, so a lease hands them to the worker
/// without reading them back from the file. Bounded by bytes: an append that does not fit is not kept, and its lease
/// reads the file (as after a restart). Entries leave when leased; under a backlog the oldest pending entries, which are
/// leased first, are the ones kept.
/// </summary>
internal sealed class SqliteRecentEntries(long maxBytes)
{
    private readonly Lock gate = new();
    private readonly Dictionary<long, Entry> entries = [];
    private long bytes;

    /// <summary>The bytes held now (bodies and event indexes).</summary>
    public long Bytes
    {
        get
        {
            lock (gate)
            {
                return bytes;
            }
        }
    }

    public int Count
    {
        get
        {
            lock (gate)
            {
                return entries.Count;
            }
        }
    }

    /// <summary>Keeps the entry when it fits in the bound; returns whether it did.</summary>
    public bool TryAdd(long id, Entry entry)
    {
        var size = entry.Size;
        lock (gate)
        {
            if (bytes + size > maxBytes)
            {
                return false;
            }

            if (entries.TryAdd(id, entry))
            {
                bytes += size;
                return true;
            }

            return false;
        }
    }

    public bool TryTake(long id, out Entry entry)
    {
        lock (gate)
        {
            if (entries.Remove(id, out entry!))
            {
                bytes -= entry.Size;
                return true;
            }

            return false;
        }
    }

    /// <summary>What a lease needs besides the row: the body, its trace parent and event index.</summary>
    internal sealed record Entry(byte[] Body, string? TraceParent, byte[] EventIndex)
    {
        public long Size => Body.Length + EventIndex.Length;
    }
}
