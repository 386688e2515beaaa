using System.Text;

namespace XWebhooks.Diagnostics;

/// <summary>
/// Turns UTF-8 event kinds into strings for metric tags and logs without allocating per event: the first
/// <see cref="Capacity"/> distinct kinds are remembered, later ones are reported as <c>other</c> so a
/// stream of new kinds cannot blow up metric cardinality or memory.
/// </summary>
internal sealed class EventTypeNames
{
    public const int Capacity = 128;
    public const string Other = "other";
    public const string None = "none";

    private readonly Lock gate = new();
    private Entry[] entries = [];

    /// <summary>Returns the kind's name (<c>none</c> for an empty kind); <paramref name="isNew"/> is true the first time a kind is seen.</summary>
    public string Get(ReadOnlySpan<byte> eventType, out bool isNew)
    {
        isNew = false;
        if (Find(Volatile.Read(ref entries), eventType) is { } known)
        {
            return known;
        }

        lock (gate)
        {
            if (Find(entries, eventType) is { } raced)
            {
                return raced;
            }

            if (entries.Length >= Capacity)
            {
                return Other;
            }

            var name = eventType.IsEmpty ? None : Encoding.UTF8.GetString(eventType);
            Volatile.Write(ref entries, [.. entries, new Entry(eventType.ToArray(), name)]);
            isNew = true;
            return name;
        }
    }

    private static string? Find(Entry[] snapshot, ReadOnlySpan<byte> eventType)
    {
        foreach (var entry in snapshot)
        {
            if (eventType.SequenceEqual(entry.Utf8))
            {
                return entry.Name;
            }
        }

        return null;
    }

    private sealed record Entry(byte[] Utf8, string Name);
}
