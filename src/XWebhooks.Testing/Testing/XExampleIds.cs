namespace XWebhooks.Testing;

/// <summary>
/// Fresh snowflake-shaped identifiers (milliseconds since X's epoch in the high bits, a sequence in the low
/// 22), strictly increasing within the process, so generated events sort by time like X's own ids.
/// </summary>
internal static class XExampleIds
{
    private const long TwitterEpochMilliseconds = 1288834974657;
    private static long last;
    private static long lastTimestamp;

    public static long Next()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var candidate = (now - TwitterEpochMilliseconds) << 22;
        while (true)
        {
            var previous = Volatile.Read(ref last);
            var next = Math.Max(candidate, previous + 1);
            if (Interlocked.CompareExchange(ref last, next, previous) == previous)
            {
                return next;
            }
        }
    }

    /// <summary>Unix milliseconds, strictly increasing within the process: two events made in one millisecond still differ.</summary>
    public static long NextTimestampMilliseconds()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        while (true)
        {
            var previous = Volatile.Read(ref lastTimestamp);
            var next = Math.Max(now, previous + 1);
            if (Interlocked.CompareExchange(ref lastTimestamp, next, previous) == previous)
            {
                return next;
            }
        }
    }
}
