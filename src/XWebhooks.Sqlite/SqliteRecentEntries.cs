namespace XWebhooks.Sqlite;

/// <summary>
/// Entries this process appended and nobody leased yet, with what a lease hands out (body, receipt time, trace parent,
/// event index), so a lease needs neither to find them in the file nor to read them back. Bounded by bytes: an append
/// that does not fit is not kept, and a lease reads it from the file (as after a restart).
/// </summary>
/// <remarks>
/// An append is staged inside its transaction (<see cref="Stage"/>, on the writer thread) and handed out in memory only
/// once its commit returned (<see cref="Committed"/>): a lease from the file in the same transaction takes a staged
/// entry (<see cref="TryTake"/>), so it is never handed out twice, and a rolled-back append is dropped
/// (<see cref="Drop"/>). <see cref="TakeCommitted"/> hands committed entries out oldest first.
/// </remarks>
internal sealed class SqliteRecentEntries(long maxBytes)
{
    private readonly Lock gate = new();
    private readonly Dictionary<long, Entry> entries = [];

    // Committed ids in commit order; ids taken from the file meanwhile are skipped (and trimmed from the head).
    private readonly Queue<long> committed = new();
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

    /// <summary>Keeps the entry of an append not committed yet when it fits in the bound; returns whether it did.</summary>
    public bool Stage(long id, Entry entry)
    {
        var size = entry.Size;
        lock (gate)
        {
            if (bytes + size > maxBytes || !entries.TryAdd(id, entry))
            {
                return false;
            }

            bytes += size;
            return true;
        }
    }

    /// <summary>The append's commit returned: a lease may hand the entry out from memory now (unless one took it already).</summary>
    public void Committed(long id)
    {
        lock (gate)
        {
            if (entries.ContainsKey(id))
            {
                committed.Enqueue(id);
            }
        }
    }

    /// <summary>The append's transaction rolled back: its id will be handed out again, so its entry goes.</summary>
    public void Drop(long id, Entry entry)
    {
        lock (gate)
        {
            if (entries.TryGetValue(id, out var held) && ReferenceEquals(held, entry))
            {
                entries.Remove(id);
                bytes -= entry.Size;
            }
        }
    }

    /// <summary>Takes the entry of <paramref name="id"/>, committed or staged, for a lease that found it in the file.</summary>
    public bool TryTake(long id, out Entry entry)
    {
        lock (gate)
        {
            if (!entries.Remove(id, out entry!))
            {
                return false;
            }

            bytes -= entry.Size;
            TrimTakenHead();
            return true;
        }
    }

    /// <summary>
    /// Takes up to <paramref name="max"/> committed entries, oldest first, that <paramref name="claim"/> leases, into
    /// <paramref name="taken"/>. The claim runs under this lock: a lease from the file, which takes its entries out of
    /// here before it hands them out, cannot finish with one in between.
    /// </summary>
    public void TakeCommitted(int max, Func<long, bool> claim, List<(long Id, Entry Entry)> taken)
    {
        lock (gate)
        {
            while (taken.Count < max && committed.TryDequeue(out var id))
            {
                // A failed claim: a lease from the file holds it and takes it out of here next.
                if (entries.TryGetValue(id, out var entry) && claim(id))
                {
                    entries.Remove(id);
                    bytes -= entry.Size;
                    taken.Add((id, entry));
                }
            }
        }
    }

    /// <summary>Under the lock: ids at the head of the commit order that a lease from the file took are dropped.</summary>
    private void TrimTakenHead()
    {
        while (committed.TryPeek(out var head) && !entries.ContainsKey(head))
        {
            committed.Dequeue();
        }
    }

    /// <summary>What a lease needs besides the row's attempt: the body, its receipt time, trace parent and event index.</summary>
    internal sealed record Entry(byte[] Body, long ReceivedAtMs, string? TraceParent, byte[] EventIndex)
    {
        public long Size => Body.Length + EventIndex.Length;
    }
}
