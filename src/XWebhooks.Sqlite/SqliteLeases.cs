namespace XWebhooks.Sqlite;

/// <summary>
/// Who holds which inbox entry, in the owning process's memory only: the file has one owner (<see cref="SqliteOwnerLock"/>),
/// so no other process needs to see a lease, and after a restart every entry not completed is due again.
/// </summary>
internal sealed class SqliteLeases
{
    private readonly Lock gate = new();
    private readonly Dictionary<long, (string Token, long UntilMs)> held = [];

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
                }
            }

            foreach (var id in expired ?? [])
            {
                held.Remove(id);
            }

            return live;
        }
    }

    public void Take(long id, string token, long untilMs)
    {
        lock (gate)
        {
            held[id] = (token, untilMs);
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
