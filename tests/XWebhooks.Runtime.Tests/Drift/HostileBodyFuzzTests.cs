using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using XWebhooks.Events.Activity;
using XWebhooks.Inbox;
using XWebhooks.Tests.Inbox;
using Xunit.Abstractions;

namespace XWebhooks.Tests.Drift;

/// <summary>
/// Hostile bytes inside verified bodies (issue 12 part 4): 10,000 validly signed mutations of X's documented payloads
/// per run, posted in parallel to a real Kestrel, inline and with an inbox. Every answer is a 200 or a 400 with a
/// reason, nothing is logged as an error or with an exception, the inbox never retries or dead-letters, and a valid
/// delivery afterwards is still handled. The seed is printed; set <c>XWEBHOOKS_FUZZ_SEED</c> to replay or explore.
/// </summary>
public sealed class HostileBodyFuzzTests(ITestOutputHelper output)
{
    private const int Bodies = 10_000;
    private const int Parallelism = 8;

    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("XWEBHOOKS_FUZZ_SEED"), CultureInfo.InvariantCulture, out var seed) ? seed : 20261202;

    private static IEnumerable<byte[]> Documented() =>
        new[] { "activity", "account-activity", "stream" }.SelectMany(Fixtures.All).Select(Fixtures.Read);

    [Fact]
    public async Task Inline_answers_every_mutated_body_with_200_or_400_and_keeps_handling()
    {
        await using var receiver = await TestReceiver.StartAsync(new() { Dispatcher = new ModelDispatcher() });

        await FuzzAsync(receiver, "inline");
    }

    [Fact]
    public async Task Inbox_stores_or_refuses_every_mutated_body_and_its_worker_handles_all_stored_ones()
    {
        var inbox = new InMemoryInbox(TimeProvider.System);
        await using var receiver = await TestReceiver.StartAsync(new() { Dispatcher = new ModelDispatcher(), Configure = x => x.AddInbox(_ => inbox, Worker) });

        await FuzzAsync(receiver, "inbox (in memory)", () => DrainedAsync(receiver, inbox));
    }

    [Fact]
    public async Task Sqlite_inbox_stores_or_refuses_every_mutated_body_and_its_worker_handles_all_stored_ones()
    {
        var directory = Directory.CreateTempSubdirectory("xwebhooks-fuzz-");
        try
        {
            await using var receiver = await TestReceiver.StartAsync(new() { Dispatcher = new ModelDispatcher(), Configure = x => x.AddSqliteInbox(o => o.Path = Path.Combine(directory.FullName, "inbox.db"), Worker) });

            await FuzzAsync(receiver, "inbox (SQLite)", () => DrainedAsync(receiver, receiver.Services.GetRequiredService<IXWebhookInbox>()));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }

    private static void Worker(XWebhooksInboxOptions options)
    {
        options.MaxAttempts = 2;
        options.InitialRetryDelay = TimeSpan.FromMilliseconds(10);
        options.PollInterval = TimeSpan.FromMilliseconds(10);
    }

    /// <summary>Waits until every stored delivery is processed, then checks none was retried or dead-lettered.</summary>
    private async Task DrainedAsync(TestReceiver receiver, IXWebhookInbox inbox)
    {
        await Poll.UntilAsync(async () => (await inbox.GetStatsAsync(CancellationToken.None)).Depth == 0, $"seed {Seed}: every stored delivery was processed");

        var stats = await inbox.GetStatsAsync(CancellationToken.None);
        Assert.True(stats.Depth == 0, $"seed {Seed}: {stats.Depth} stored deliveries were not processed");
        var deadLetters = await inbox.ListDeadLettersAsync(3, CancellationToken.None);
        Assert.True(stats.DeadLetters == 0, $"seed {Seed}: {stats.DeadLetters} deliveries were dead-lettered, first: {string.Join(" | ", deadLetters.Select(d => d.Error))}");
        Assert.Equal(0, receiver.Counters.Total("xwebhooks.inbox.retries"));
        output.WriteLine("inbox: every stored delivery completed, 0 retried, 0 dead-lettered");
    }

    private async Task FuzzAsync(TestReceiver receiver, string mode, Func<Task>? drained = null)
    {
        output.WriteLine($"{mode}: seed {Seed} (XWEBHOOKS_FUZZ_SEED), {Bodies} bodies, {Parallelism} connections");
        var mutator = new BodyMutator(Seed, Documented());
        var bodies = Enumerable.Range(0, Bodies).Select(_ => mutator.Next()).ToList();
        var statuses = new ConcurrentDictionary<string, int>();
        var mutations = new ConcurrentDictionary<string, int>();
        var unexpected = new ConcurrentQueue<string>();

        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, Bodies), new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (i, _) =>
        {
            var (body, kind) = bodies[i];
            var (status, reason) = await receiver.PostAndReadAsync(body);
            statuses.AddOrUpdate(((int)status).ToString(CultureInfo.InvariantCulture), 1, (_, n) => n + 1);
            foreach (var mutation in kind.Split('+'))
            {
                mutations.AddOrUpdate(mutation, 1, (_, n) => n + 1);
            }
            if (status is not (HttpStatusCode.OK or HttpStatusCode.BadRequest) || (status == HttpStatusCode.BadRequest && reason.Length == 0))
            {
                unexpected.Enqueue($"body {i} ({kind}): {(int)status} '{reason}'");
            }
        });
        var sent = clock.Elapsed;
        if (drained is not null)
        {
            await drained();
        }

        output.WriteLine($"{mode}: sent in {sent.TotalSeconds:F1} s, done in {clock.Elapsed.TotalSeconds:F1} s");
        output.WriteLine($"{mode}: status codes {BodyMutator.Describe(statuses)}");
        output.WriteLine($"{mode}: mutations {BodyMutator.Describe(mutations)}");
        var drift = receiver.Drift();
        output.WriteLine($"{mode}: drifted values {drift.Values.Sum()} by path class {BodyMutator.Describe(DriftByPathClass(drift))}");
        output.WriteLine($"{mode}: handled events {receiver.Dispatcher<ModelDispatcher>().Handled.Count}, drift warnings logged {receiver.DriftWarnings().Count}");

        var problems = receiver.Logs.Entries.Where(e => e.Level >= LogLevel.Error || e.Exception is not null).ToList();
        var firstProblems = string.Join(" | ", problems.Take(3).Select(p => $"{p.Category} {p.Message} {p.Exception}"));
        Assert.True(unexpected.IsEmpty, $"seed {Seed}: {unexpected.Count} unexpected answers, first: {string.Join(" | ", unexpected.Take(5))}; logged: {firstProblems}");
        Assert.True(problems.Count == 0, $"seed {Seed}: {problems.Count} error logs, first: {firstProblems}");
        Assert.True(statuses.GetValueOrDefault("200") > 0 && statuses.GetValueOrDefault("400") > 0, "the mutations should produce both readable and unreadable bodies");
        Assert.NotEmpty(drift);

        receiver.Dispatcher<ModelDispatcher>().Handled.Clear();
        // A new event_uuid: the inbox's dedupe store has seen the documented one among the mutations.
        var valid = System.Text.Json.Nodes.JsonNode.Parse(Fixtures.Read("activity/post.create.json"))!;
        valid["data"]!["event_uuid"] = "fuzz-after-" + Seed.ToString(CultureInfo.InvariantCulture);
        var (validStatus, _) = await receiver.PostAndReadAsync(System.Text.Encoding.UTF8.GetBytes(valid.ToJsonString()));
        Assert.Equal(HttpStatusCode.OK, validStatus);
        await Poll.UntilAsync(() => !receiver.Dispatcher<ModelDispatcher>().Handled.IsEmpty, "the valid delivery was handled");

        var handled = Assert.IsType<PostCreated>(Assert.Single(receiver.Dispatcher<ModelDispatcher>().Handled).Event);
        Assert.Equal("Hello from the Activity API", handled.Payload!.Text);
    }

    /// <summary>Drift totals by product and the first level of the path (for example <c>activity $.payload</c>).</summary>
    private static Dictionary<string, int> DriftByPathClass(Dictionary<string, long> drift) => drift
        .Select(d => (Tags: d.Key.Split(';').Select(t => t.Split('=', 2)).ToDictionary(t => t[0], t => t[1]), Count: (int)d.Value))
        .GroupBy(d => d.Tags["product"] + " " + PathClass(d.Tags["path"]))
        .ToDictionary(g => g.Key, g => g.Sum(d => d.Count));

    private static string PathClass(string path)
    {
        var second = path.IndexOfAny(['.', '['], 2);
        return second < 0 ? path : path[..second];
    }
}
