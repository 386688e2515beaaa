namespace XWebhooks.Sqlite;

/// <summary>
/// Who holds which inbox entry, in the owning process's memory only: the file has one owner (<see cref="SqliteOwnerLock"/>),
/// so no other process needs to see a lease, and after a restart every entry not completed is due again.
/// </summary>
/// <remarks>
/// A lease taken from the file writes that the attempt started; one taken from memory
/// (<see cref="SqliteRecentEntries"/>) does not, so when it runs out its attempt is remembered here instead
/// (<see cref="TakeUncountedAttempt"/>) and still counts on the entry's next lease.
/// </remarks>
internal sealed class SqliteLeases
{
    private readonly Lock gate = new();
    private readonly Dictionary<long, (string Token, long UntilMs, bool StartWritten)> held = [];
    private readonly HashSet<long> uncountedAttempts = [];

    /// <summary>The ids leased until after <paramref name="nowMs"/>; expired leases are forgotten (their entries are due again).</summary>
    public HashSet<long> LiveIds(long nowMs)
    {
        lock (gate)
        {
            var live = new HashSet<long>(held.Count);
            List<long>? expired = null;
            foreach (var (id, lease) in held)
            {
                if (lease.UntilMs > nowMs)
                {
                    live.Add(id);
                }
                else
                {
                    (expired ??= []).Add(id);
                    if (!lease.StartWritten)
                    {
                        uncountedAttempts.Add(id);
                    }
                }
            }

            foreach (var id in expired ?? [])
            {
                held.Remove(id);
            }

            return live;
        }
    }

    /// <param name="id">The entry.</param>
    /// <param name="token">The lease's token.</param>
    /// <param name="untilMs">When the lease runs out.</param>
    /// <param name="startWritten">Whether the file records that this attempt started (false: a lease from memory).</param>
    public void Take(long id, string token, long untilMs, bool startWritten)
    {
        lock (gate)
        {
            held[id] = (token, untilMs, startWritten);
        }
    }

    /// <summary>True once for an entry whose lease from memory ran out: that attempt is not in the file but counts.</summary>
    public bool TakeUncountedAttempt(long id)
    {
        lock (gate)
        {
            return uncountedAttempts.Remove(id);
        }
    }

    /// <summary>
    /// Ends the lease of <paramref name="id"/> when <paramref name="token"/> is still its token, even after it ran out,
    /// as long as no later lease took the entry; false otherwise (the caller's work on the entry is void).
    /// </summary>
    public bool TryEnd(long id, string token)
    {
        lock (gate)
        {
            if (held.TryGetValue(id, out var lease) && string.Equals(lease.Token, token, StringComparison.Ordinal))
            {
                held.Remove(id);
                return true;
            }

            return false;
        }
    }

    /// <summary>Forgets a lease taken in a commit that failed.</summary>
    public void Forget(long id, string token) => TryEnd(id, token);
}
