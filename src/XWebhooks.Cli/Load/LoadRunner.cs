using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using XWebhooks.Testing;

namespace XWebhooks.Cli.Load;

/// <summary>What <c>xwebhooks load</c> was asked to do.</summary>
internal sealed record LoadOptions(Uri Url, DeliverySigner Signer, string EventName, int Rate, TimeSpan Duration, int Concurrency, bool UniqueIds, TimeSpan Timeout);

/// <summary>What a load run measured.</summary>
internal sealed record LoadResult(
    LoadOptions Options,
    long Requests,
    long Ok,
    TimeSpan Elapsed,
    Percentiles Latency,
    IReadOnlyDictionary<string, long> Errors,
    int DistinctBodies,
    bool Cancelled)
{
    /// <summary>Requests that did not get a 200.</summary>
    public long ErrorCount => Errors.Values.Sum();
}

/// <summary>Runs a load test: workers share a request counter (and a schedule when a rate is set), each records its own latencies.</summary>
internal sealed class LoadRunner(LoadOptions options, CliContext context)
{
    /// <summary>
    /// The most unique bodies pre-built for <c>--unique-ids</c>; beyond that they are reused in turn. Enough for 60 s at
    /// 16,000/s: a receiver that drops re-sends of handled events on the ack path would otherwise be measured on re-sends.
    /// A million XAA post.create bodies take about 3.5 GB.
    /// </summary>
    internal const int MaxPool = 1_000_000;

    private readonly ConcurrentDictionary<string, long> errors = new(StringComparer.Ordinal);
    private long next = -1;
    private long completed;
    private long ok;
    private long failed;

    /// <summary>Runs until the duration is over or <paramref name="cancellationToken"/> fires (Ctrl+C), then returns what was measured.</summary>
    public async Task<LoadResult> RunAsync(CancellationToken cancellationToken)
    {
        var bodies = BuildBodies();
        var rate = options.Rate == 0 ? "as fast as possible" : $"{options.Rate}/s";
        await context.Out.WriteLineAsync($"Load: POST {options.Url}, {options.EventName}, {rate}, {CliCommon.FormatDuration(options.Duration)}, concurrency {options.Concurrency}").ConfigureAwait(false);
        await context.Out.WriteLineAsync(options.UniqueIds
            ? $"Bodies: {bodies.Length} unique signed events (fresh ids){(bodies.Length == MaxPool ? ", reused in turn if the run sends more" : string.Empty)}."
            : "Bodies: one pre-signed body, the same bytes every time (like X's retries): the receiver will dedupe it and run its handlers once. Use --unique-ids for distinct events.").ConfigureAwait(false);

        using var client = CliCommon.CreateHttpClient(options.Timeout, options.Concurrency);
        var latencies = new List<double>[options.Concurrency];
        var stopwatch = Stopwatch.StartNew();
        var workers = new Task[options.Concurrency];
        for (var w = 0; w < workers.Length; w++)
        {
            var samples = latencies[w] = [];
            workers[w] = Task.Run(() => WorkAsync(client, bodies, samples, stopwatch, cancellationToken), CancellationToken.None);
        }

        var all = Task.WhenAll(workers);
        await ReportProgressAsync(all, stopwatch).ConfigureAwait(false);
        await all.ConfigureAwait(false);
        var elapsed = stopwatch.Elapsed;

        return new LoadResult(
            options,
            Interlocked.Read(ref completed),
            Interlocked.Read(ref ok),
            elapsed,
            new Percentiles(latencies.SelectMany(list => list)),
            new Dictionary<string, long>(errors, StringComparer.Ordinal),
            bodies.Length,
            cancellationToken.IsCancellationRequested);
    }

    private (byte[] Body, (string Name, string Value)[] Signatures)[] BuildBodies()
    {
        if (!options.UniqueIds)
        {
            var body = XExamplePayloads.CreateUnique(options.EventName);
            return [(body, options.Signer.Sign(body))];
        }

        var wanted = options.Rate > 0
            ? Math.Min(MaxPool, (long)Math.Ceiling(options.Rate * options.Duration.TotalSeconds) + options.Concurrency)
            : MaxPool;
        var pool = new (byte[] Body, (string Name, string Value)[] Signatures)[(int)wanted];
        Parallel.For(0, pool.Length, i =>
        {
            var body = XExamplePayloads.CreateUnique(options.EventName);
            pool[i] = (body, options.Signer.Sign(body));
        });
        return pool;
    }

    private async Task WorkAsync(HttpClient client, (byte[] Body, (string Name, string Value)[] Signatures)[] bodies, List<double> samples, Stopwatch stopwatch, CancellationToken cancellationToken)
    {
        var contentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        while (!cancellationToken.IsCancellationRequested)
        {
            var index = Interlocked.Increment(ref next);
            if (options.Rate > 0)
            {
                var due = TimeSpan.FromSeconds(index / (double)options.Rate);
                if (due >= options.Duration)
                {
                    return;
                }

                var wait = due - stopwatch.Elapsed;
                if (wait > TimeSpan.FromMilliseconds(1))
                {
                    try
                    {
                        await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                }
            }
            else if (stopwatch.Elapsed >= options.Duration)
            {
                return;
            }

            var (body, signatures) = bodies[index % bodies.Length];
            using var request = new HttpRequestMessage(HttpMethod.Post, options.Url) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = contentType;
            DeliverySigner.Apply(request, signatures);
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
                samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref ok);
                }
                else
                {
                    Fail($"HTTP {CliCommon.FormatStatus(response.StatusCode)}");
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
            {
                Fail(CliCommon.FailureKind(ex));
            }

            Interlocked.Increment(ref completed);
        }
    }

    private void Fail(string kind)
    {
        errors.AddOrUpdate(kind, 1, (_, count) => count + 1);
        Interlocked.Increment(ref failed);
    }

    private async Task ReportProgressAsync(Task work, Stopwatch stopwatch)
    {
        var interval = context.IsTerminal ? TimeSpan.FromMilliseconds(250) : TimeSpan.FromSeconds(1);
        var lastCount = 0L;
        var lastTime = TimeSpan.Zero;
        var wroteInPlace = false;
        while (!work.IsCompleted)
        {
            await Task.WhenAny(work, Task.Delay(interval)).ConfigureAwait(false);
            if (work.IsCompleted)
            {
                break;
            }

            var now = stopwatch.Elapsed;
            var count = Interlocked.Read(ref completed);
            var rps = (count - lastCount) / Math.Max((now - lastTime).TotalSeconds, 0.001);
            (lastCount, lastTime) = (count, now);
            var line = $"[{now.TotalSeconds,5:0.0}s] requests {count,8}  rps {rps,8:0.0}  errors {Interlocked.Read(ref failed),6}";
            if (context.IsTerminal)
            {
                await context.Out.WriteAsync("\r" + line).ConfigureAwait(false);
                wroteInPlace = true;
            }
            else
            {
                await context.Out.WriteLineAsync(line).ConfigureAwait(false);
            }
        }

        if (wroteInPlace)
        {
            await context.Out.WriteLineAsync().ConfigureAwait(false);
        }
    }
}
