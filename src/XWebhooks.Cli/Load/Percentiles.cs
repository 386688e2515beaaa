namespace XWebhooks.Cli.Load;

/// <summary>
/// Latency percentiles by the nearest-rank method: the p-th percentile of n sorted samples is the sample at
/// rank ⌈p/100 · n⌉ (1-based), so every reported value is one that was measured.
/// </summary>
internal sealed class Percentiles
{
    private readonly double[] sorted;

    /// <summary>Sorts a copy of <paramref name="samples"/>.</summary>
    public Percentiles(IEnumerable<double> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        sorted = [.. samples];
        if (sorted.Any(double.IsNaN))
        {
            throw new ArgumentException("samples must not be NaN", nameof(samples));
        }

        Array.Sort(sorted);
    }

    /// <summary>How many samples.</summary>
    public int Count => sorted.Length;

    /// <summary>The smallest sample (0 when there are none).</summary>
    public double Min => sorted.Length == 0 ? 0 : sorted[0];

    /// <summary>The largest sample (0 when there are none).</summary>
    public double Max => sorted.Length == 0 ? 0 : sorted[^1];

    /// <summary>The mean (0 when there are none).</summary>
    public double Mean => sorted.Length == 0 ? 0 : sorted.Average();

    /// <summary>The <paramref name="percentile"/>-th percentile (0–100) by nearest rank; 0 when there are no samples.</summary>
    public double Get(double percentile)
    {
        if (double.IsNaN(percentile) || percentile < 0 || percentile > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(percentile), percentile, "a percentile is between 0 and 100");
        }

        if (sorted.Length == 0)
        {
            return 0;
        }

        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }

    /// <summary>
    /// Counts per bucket for a text histogram: <paramref name="bucketCount"/> buckets whose upper bounds grow
    /// geometrically from <see cref="Min"/> to <see cref="Max"/> (latencies have long tails).
    /// </summary>
    public IReadOnlyList<(double UpperBound, int Count)> Histogram(int bucketCount = 10)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bucketCount, 1);
        if (sorted.Length == 0)
        {
            return [];
        }

        var low = Math.Max(Min, 0.001);
        var high = Math.Max(Max, low);
        if (high <= low * 1.0001)
        {
            return [(high, sorted.Length)];
        }

        var ratio = Math.Pow(high / low, 1.0 / bucketCount);
        var buckets = new List<(double UpperBound, int Count)>(bucketCount);
        var index = 0;
        for (var i = 1; i <= bucketCount; i++)
        {
            var bound = i == bucketCount ? high : low * Math.Pow(ratio, i);
            var count = 0;
            while (index < sorted.Length && sorted[index] <= bound)
            {
                count++;
                index++;
            }

            buckets.Add((bound, count));
        }

        return buckets;
    }
}
