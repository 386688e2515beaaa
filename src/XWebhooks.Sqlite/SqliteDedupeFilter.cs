using System.Numerics;
using Microsoft.Data.Sqlite;

namespace XWebhooks.Sqlite;

/// <summary>
/// A Bloom filter over the dedupe keys in the file, so a dedupe check of a new key (most keys the ack path asks about)
/// is answered without reading the file: "no" is certain, "maybe" costs the read as before.
/// </summary>
/// <remarks>
/// <para>Built by scanning <c>xwh_dedupe</c> on the writer, in chunks that ride along in the next commits, when the
/// store first checks a key, and built again once more keys were added than it was sized for: each build is sized for
/// twice the live keys the previous one found. Until the first build ends every answer is "maybe". Expired keys stay
/// in it until the next build.</para>
/// <para>Why no key is missed while a build runs: a mark is posted to the writer before <see cref="Add"/>, and
/// <see cref="Add"/> adds to the filter being built as well as to the current one. A key whose <see cref="Add"/> did
/// not see the filter being built was posted before the build's first chunk was posted, and posted writes run in the
/// order they were posted, so every chunk reads it from the file (or the transaction it is in). A build whose chunk
/// failed is dropped, and the next <see cref="Add"/> past the size starts another.</para>
/// </remarks>
internal sealed class SqliteDedupeFilter(SqliteEngine engine)
{
    // About 1 % false positives at capacity: 10 bits per key, 7 probes.
    private const int BitsPerKey = 10;
    private const int Probes = 7;

    // 32 MB of bits (26 million keys at 1 %); beyond that the filter answers "maybe" more often, never wrongly.
    private const long MaxBits = 1L << 28;
    private const int ChunkRows = 4096;

    private Bits? current;
    private Bits? building;
    private int buildRunning;
    private long lastFound;
    private int buildsCompleted;

    /// <summary>The fewest keys a filter is sized for; tests lower it to make builds frequent.</summary>
    internal long MinimumCapacity { get; set; } = 1 << 16;

    /// <summary>How many builds ended and replaced the filter (tests).</summary>
    internal int BuildsCompleted => Volatile.Read(ref buildsCompleted);

    /// <summary>True while a build runs (tests).</summary>
    internal bool IsBuilding => Volatile.Read(ref buildRunning) != 0;

    /// <summary>False when the file certainly holds no mark of <paramref name="key"/>; true when it may (or no filter is built yet).</summary>
    public bool MayContain(string key)
    {
        var bits = Volatile.Read(ref current);
        if (bits is null)
        {
            StartBuild();
            return true;
        }

        return bits.MayContain(Hash(key));
    }

    /// <summary>Adds a key whose mark was just posted to the writer (after the post: see the remarks).</summary>
    public void Add(string key)
    {
        var hash = Hash(key);

        // The one being built first: a build that ends between the two reads made it current.
        Volatile.Read(ref building)?.Add(hash);
        if (Volatile.Read(ref current) is { } bits && bits.Add(hash) > bits.Capacity)
        {
            StartBuild();
        }
    }

    /// <summary>Starts a build, sized for twice the live keys the last one found, unless one runs.</summary>
    private void StartBuild()
    {
        if (Interlocked.CompareExchange(ref buildRunning, 1, 0) != 0)
        {
            return;
        }

        var bits = new Bits(Math.Max(MinimumCapacity, 2 * Volatile.Read(ref lastFound)));
        Volatile.Write(ref building, bits);
        if (!engine.Post(new ScanOp(this, bits, after: null, found: 0)))
        {
            // Closing: nothing more will be checked.
            Volatile.Write(ref building, null);
        }
    }

    private void ScanNext(Bits bits, string after, long found)
    {
        if (!engine.Post(new ScanOp(this, bits, after, found)))
        {
            BuildEnded(bits, found: null);
        }
    }

    /// <summary>The build ended: with the live keys it found (it replaces the filter), or null when it failed.</summary>
    private void BuildEnded(Bits bits, long? found)
    {
        if (found is { } keys)
        {
            // Current first, then building cleared: Add reads them the other way round.
            Volatile.Write(ref lastFound, keys);
            Volatile.Write(ref current, bits);
            Interlocked.Increment(ref buildsCompleted);
        }

        Volatile.Write(ref building, null);
        Volatile.Write(ref buildRunning, 0);
    }

    /// <summary>A per-process 64-bit hash of the key (string hashing is randomized per process; the filter is too).</summary>
    private static ulong Hash(string key)
    {
        // SplitMix64 finalizer: spreads the 32-bit string hash over 64 bits for the two probe hashes.
        var x = (ulong)(uint)key.GetHashCode(StringComparison.Ordinal) + 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    /// <summary>The bit array; probes by double hashing.</summary>
    private sealed class Bits
    {
        private readonly long[] words;
        private readonly ulong mask;
        private long added;

        public Bits(long capacity)
        {
            var bits = Math.Min(MaxBits, (long)BitOperations.RoundUpToPowerOf2((ulong)Math.Max(64, capacity * BitsPerKey)));
            words = new long[bits / 64];
            mask = (ulong)bits - 1;
            Capacity = capacity;
        }

        public long Capacity { get; }

        /// <summary>Sets the key's bits; returns how many keys were added, this one included.</summary>
        public long Add(ulong hash)
        {
            for (var probe = 0u; probe < Probes; probe++)
            {
                var bit = Bit(hash, probe);
                Interlocked.Or(ref words[bit >> 6], 1L << (int)(bit & 63));
            }

            return Interlocked.Increment(ref added);
        }

        public bool MayContain(ulong hash)
        {
            for (var probe = 0u; probe < Probes; probe++)
            {
                var bit = Bit(hash, probe);
                if ((Volatile.Read(ref words[bit >> 6]) & (1L << (int)(bit & 63))) == 0)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The bit of the <paramref name="probe"/>-th probe: h1 + probe × h2 (h2 odd) over the array.</summary>
        private ulong Bit(ulong hash, uint probe) => ((uint)hash + (probe * ((uint)(hash >> 32) | 1))) & mask;
    }

    /// <summary>
    /// Reads the next chunk of live keys (in key order, after <paramref name="after"/>; the first chunk from the start)
    /// into the filter being built; <paramref name="found"/> counts the keys of the chunks before.
    /// </summary>
    private sealed class ScanOp(SqliteDedupeFilter filter, Bits bits, string? after, long found) : SqliteWriteOp
    {
        private string? last;
        private bool done;
        private bool failed;

        public override void Execute(SqliteEngine engine, SqliteTransaction transaction)
        {
            try
            {
                // "+expires_at" keeps the planner off the expires_at index: the key order is the table's own, so a
                // chunk is a range of the primary key, not a sort of every live key.
                var scan = engine.Command(transaction, after is null
                    ? "SELECT key FROM xwh_dedupe WHERE +expires_at > $now ORDER BY key LIMIT $limit;"
                    : "SELECT key FROM xwh_dedupe WHERE key > $after AND +expires_at > $now ORDER BY key LIMIT $limit;");
                if (after is not null)
                {
                    scan.Parameters.AddWithValue("$after", after);
                }

                scan.Parameters.AddWithValue("$now", engine.NowMs());
                scan.Parameters.AddWithValue("$limit", ChunkRows);
                var rows = 0;
                using (var reader = scan.ExecuteReader())
                {
                    while (reader.Read())
                    {
                        last = reader.GetString(0);
                        bits.Add(Hash(last));
                        rows++;
                    }
                }

                found += rows;
                done = rows < ChunkRows;
            }
            catch (SqliteException)
            {
                failed = true;
            }
        }

        public override void Succeed()
        {
            if (failed)
            {
                filter.BuildEnded(bits, found: null);
            }
            else if (done)
            {
                filter.BuildEnded(bits, found);
            }
            else
            {
                filter.ScanNext(bits, last!, found);
            }
        }

        public override void Fail(Exception exception) => filter.BuildEnded(bits, found: null);
    }
}
