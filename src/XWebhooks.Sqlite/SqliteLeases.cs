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

    /// <summary>
    /// Leases <paramref name="id"/> unless a lease that runs past <paramref name="nowMs"/> holds it: a lease from memory
    /// and one from the file may race for an entry, and only the one that takes it here hands it out.
    /// </summary>
    /// <param name="id">The entry.</param>
    /// <param name="token">The lease's token.</param>
    /// <param name="untilMs">When the lease runs out.</param>
    /// <param name="startWritten">Whether the file records that this attempt started (false: a lease from memory).</param>
    /// <param name="nowMs">Now: a lease that ran out by then does not hold the entry.</param>
    public bool TryTake(long id, string token, long untilMs, bool startWritten, long nowMs)
    {
        lock (gate)
        {
            if (held.TryGetValue(id, out var lease) && lease.UntilMs > nowMs)
            {
                return false;
            }

            held[id] = (token, untilMs, startWritten);
            return true;
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
    /// Ends the lease of <paramref name="id"/> for the caller's write (a completion, a retry, a dead letter) when
    /// <paramref name="token"/> is still its token, even after it ran out, as long as no later lease took the entry;
    /// false otherwise (the caller's work on the entry is void). The entry stays held until <see cref="Ended"/>: until
    /// that write is in the file, a lease would find the entry still due there and hand it out again.
    /// </summary>
    public bool TryEnd(long id, string token)
    {
        lock (gate)
        {
            if (held.TryGetValue(id, out var lease) && string.Equals(lease.Token, token, StringComparison.Ordinal))
            {
                held[id] = (token, long.MaxValue, lease.StartWritten);
                return true;
            }

            return false;
        }
    }

    /// <summary>The write that ended the lease committed, or failed: a lease may take the entry again if it is still due.</summary>
    public void Ended(long id, string token)
    {
        lock (gate)
        {
            if (held.TryGetValue(id, out var lease) && string.Equals(lease.Token, token, StringComparison.Ordinal))
            {
                held.Remove(id);
            }
        }
    }

    /// <summary>Forgets a lease taken in a commit that failed.</summary>
    public void Forget(long id, string token) => Ended(id, token);
}
