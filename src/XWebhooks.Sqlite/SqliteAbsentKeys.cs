using System.Collections.Concurrent;

namespace XWebhooks.Sqlite;

/// <summary>
/// Dedupe keys the file was read without (or with an expired mark) and that nobody marked since, so the next check of
/// such a key needs no read: the worker checks every key the ack path has just found new. Bounded; the oldest go first.
/// </summary>
/// <remarks>
/// A mark of a key, and its leaving the in-memory marks, forget the key here. A check registers the key before its
/// read and keeps it only when no mark forgot it meanwhile: a read that began before a mark cannot store a stale
/// answer, and one that began after the mark left memory found the mark in the file.
/// </remarks>
internal sealed class SqliteAbsentKeys
{
    /// <summary>How many keys are kept.</summary>
    public const int Capacity = 16_384;

    private static readonly object Confirmed = new();
    private readonly ConcurrentDictionary<string, object> keys = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> order = new();
    private int orderCount;

    /// <summary>How many keys are registered now (kept, or with a read under way).</summary>
    public int Count => keys.Count;

    /// <summary>True when the file was read without <paramref name="key"/> and no mark of it came since.</summary>
    public bool Contains(string key) => keys.TryGetValue(key, out var state) && ReferenceEquals(state, Confirmed);

    /// <summary>Registers a read of <paramref name="key"/> about to start; pass the token to <see cref="ReadFoundNothing"/>.</summary>
    public object ReadStarting(string key)
    {
        var token = new object();
        keys[key] = token;
        return token;
    }

    /// <summary>The read found no live mark: keeps the key unless a mark forgot it since <see cref="ReadStarting"/>.</summary>
    public void ReadFoundNothing(string key, object token)
    {
        if (!keys.TryUpdate(key, Confirmed, token))
        {
            return;
        }

        order.Enqueue(key);
        if (Interlocked.Increment(ref orderCount) > Capacity && order.TryDequeue(out var oldest))
        {
            Interlocked.Decrement(ref orderCount);
            keys.TryRemove(new KeyValuePair<string, object>(oldest, Confirmed));
        }
    }

    /// <summary>The read found a mark: the registration goes.</summary>
    public void ReadFoundMark(string key, object token) => keys.TryRemove(new KeyValuePair<string, object>(key, token));

    /// <summary>The key was marked, or its mark left memory: a later check must not trust an earlier read.</summary>
    public void Forget(string key) => keys.TryRemove(key, out _);
}
