using XWebhooks.Delivery;
using XWebhooks.Inbox;

namespace XWebhooks.Tests.Inbox;

/// <summary>A test double of the inbox and dedupe contracts (the real stores have their own contract tests).</summary>
internal sealed class InMemoryInbox(TimeProvider time) : IXWebhookInbox, IXWebhookDedupe
{
    private readonly Lock gate = new();
    private readonly List<Row> pending = [];
    private readonly List<XDeadLetter> deadLetters = [];
    private readonly Dictionary<string, DateTimeOffset> processed = [];
    private int nextId;

    public int Completed { get; private set; }

    /// <summary>How many deliveries were appended.</summary>
    public int Appends { get; private set; }

    /// <summary>The event index of every append, in order (empty when the append carried none).</summary>
    public List<byte[]> AppendedIndexes { get; } = [];

    /// <summary>False: the store drops the event index, as a store that does not keep it would.</summary>
    public bool KeepsEventIndex { get; init; } = true;

    public ValueTask AppendAsync(XInboxAppend delivery, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            Appends++;
            AppendedIndexes.Add(delivery.EventIndex.ToArray());
            var index = KeepsEventIndex ? delivery.EventIndex.ToArray() : [];
            pending.Add(new Row((++nextId).ToString(System.Globalization.CultureInfo.InvariantCulture), delivery.Body.ToArray(), delivery.ReceivedAt, 1, DateTimeOffset.MinValue, null, DateTimeOffset.MinValue) { TraceParent = delivery.TraceParent, EventIndex = index });
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyList<XInboxEntry>> LeaseAsync(int maxEntries, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            var leased = new List<XInboxEntry>();
            foreach (var row in pending.Where(r => r.DueAt <= now && r.LeaseUntil <= now).Take(maxEntries).ToList())
            {
                var attempt = row.LeaseToken is null ? row.Attempt : row.Attempt + 1;
                var leasedRow = row with { Attempt = attempt, LeaseToken = Guid.NewGuid().ToString(), LeaseUntil = now + leaseDuration };
                pending[pending.IndexOf(row)] = leasedRow;
                leased.Add(new XInboxEntry(row.Id, row.Body, row.ReceivedAt, attempt, leasedRow.LeaseToken!) { TraceParent = row.TraceParent, EventIndex = row.EventIndex });
            }

            return ValueTask.FromResult<IReadOnlyList<XInboxEntry>>(leased);
        }
    }

    public ValueTask CompleteAsync(XInboxEntry entry, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (pending.RemoveAll(r => r.Id == entry.Id && r.LeaseToken == entry.LeaseToken) > 0)
            {
                Completed++;
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask RetryLaterAsync(XInboxEntry entry, DateTimeOffset notBefore, string error, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var index = pending.FindIndex(r => r.Id == entry.Id && r.LeaseToken == entry.LeaseToken);
            if (index >= 0)
            {
                pending[index] = pending[index] with { Attempt = entry.Attempt + 1, DueAt = notBefore, LeaseToken = null, LeaseUntil = DateTimeOffset.MinValue };
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask DeadLetterAsync(XInboxEntry entry, string error, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (pending.RemoveAll(r => r.Id == entry.Id && r.LeaseToken == entry.LeaseToken) > 0)
            {
                deadLetters.Add(new XDeadLetter(entry.Id, entry.Body.ToArray(), entry.ReceivedAt, entry.Attempt, error, time.GetUtcNow()));
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyList<XDeadLetter>> ListDeadLettersAsync(int maxEntries, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return ValueTask.FromResult<IReadOnlyList<XDeadLetter>>([.. deadLetters.Take(maxEntries)]);
        }
    }

    public ValueTask<bool> RedriveAsync(string deadLetterId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var dead = deadLetters.Find(d => d.Id == deadLetterId);
            if (dead is null)
            {
                return ValueTask.FromResult(false);
            }

            deadLetters.Remove(dead);
            pending.Add(new Row(dead.Id, dead.Body.ToArray(), dead.ReceivedAt, 1, DateTimeOffset.MinValue, null, DateTimeOffset.MinValue));
            return ValueTask.FromResult(true);
        }
    }

    public ValueTask<XInboxStats> GetStatsAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return ValueTask.FromResult(new XInboxStats(pending.Count, pending.Count == 0 ? null : pending.Min(r => r.ReceivedAt), deadLetters.Count));
        }
    }

    public ValueTask<bool> WasProcessedAsync(string key, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return ValueTask.FromResult(processed.TryGetValue(key, out var until) && until > time.GetUtcNow());
        }
    }

    public ValueTask MarkProcessedAsync(string key, TimeSpan retention, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            processed[key] = time.GetUtcNow() + retention;
        }

        return ValueTask.CompletedTask;
    }

    private sealed record Row(string Id, byte[] Body, DateTimeOffset ReceivedAt, int Attempt, DateTimeOffset DueAt, string? LeaseToken, DateTimeOffset LeaseUntil)
    {
        public string? TraceParent { get; init; }

        public byte[] EventIndex { get; init; } = [];
    }
}
