namespace XWebhooks.Cli.Load;

/// <summary>Prints a <see cref="LoadResult"/>: totals, throughput, latency percentiles and histogram, errors.</summary>
internal static class LoadReport
{
    /// <summary>Writes the report.</summary>
    public static async Task WriteAsync(TextWriter output, LoadResult result)
    {
        var seconds = Math.Max(result.Elapsed.TotalSeconds, 0.001);
        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync($"{(result.Cancelled ? "Stopped" : "Done")}: {result.Requests} requests in {seconds:0.00} s, {result.Requests / seconds:0.0} requests/s; {result.Ok} × 200 OK, {result.ErrorCount} errors").ConfigureAwait(false);
        if (result.Options.UniqueIds && result.Requests > result.DistinctBodies)
        {
            await output.WriteLineAsync($"Note: {result.Requests - result.DistinctBodies} requests reused one of the {result.DistinctBodies} unique bodies.").ConfigureAwait(false);
        }

        var latency = result.Latency;
        if (latency.Count > 0)
        {
            await output.WriteLineAsync($"Latency (ms, {latency.Count} answers): p50 {latency.Get(50):0.00}  p90 {latency.Get(90):0.00}  p99 {latency.Get(99):0.00}  max {latency.Max:0.00}  (min {latency.Min:0.00}, mean {latency.Mean:0.00})").ConfigureAwait(false);
            await output.WriteLineAsync("Histogram:").ConfigureAwait(false);
            var buckets = latency.Histogram();
            var widest = Math.Max(1, buckets.Max(bucket => bucket.Count));
            foreach (var (upperBound, count) in buckets)
            {
                var bar = new string('#', (int)Math.Round(40.0 * count / widest));
                await output.WriteLineAsync($"  <= {upperBound,9:0.00} ms |{bar,-40}| {count}").ConfigureAwait(false);
            }
        }
        else
        {
            await output.WriteLineAsync("Latency: no answers received.").ConfigureAwait(false);
        }

        if (result.Errors.Count > 0)
        {
            await output.WriteLineAsync("Errors:").ConfigureAwait(false);
            foreach (var (kind, count) in result.Errors.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal))
            {
                await output.WriteLineAsync($"  {kind}: {count}").ConfigureAwait(false);
            }
        }
        else
        {
            await output.WriteLineAsync("Errors: none").ConfigureAwait(false);
        }
    }
}
