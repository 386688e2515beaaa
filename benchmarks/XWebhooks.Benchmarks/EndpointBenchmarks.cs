using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using XWebhooks.Delivery;
using XWebhooks.Hosting;
using XWebhooks.Inbox;

namespace XWebhooks.Benchmarks;

/// <summary>
/// One signed POST per operation through the runtime's delivery endpoint (signature, locate, dispatch or store,
/// metrics, observers), against reading the body alone (what bare Kestrel does) and a hand-written receiver
/// (HMAC + reflection System.Text.Json). Each operation builds a <see cref="DefaultHttpContext"/>: its allocations are
/// in every row, so compare rows with <see cref="BareRead"/>. Allocations per request are stable on a loaded machine;
/// timings are not.
/// </summary>
[MemoryDiagnoser]
public class EndpointBenchmarks
{
    private EndpointRig rig = null!;

    [Params(Payloads.Activity, Payloads.AccountActivity, Payloads.Stream)]
    public string Payload { get; set; } = Payloads.Activity;

    [GlobalSetup]
    public void Setup() => rig = new EndpointRig(Payloads.Load(Payload));

    [GlobalCleanup]
    public void Cleanup() => rig.Dispose();

    [Benchmark(Baseline = true)]
    public Task BareRead() => rig.BareReadAsync();

    [Benchmark]
    public Task HandWritten() => rig.HandWrittenAsync();

    [Benchmark]
    public Task Inline() => rig.InlineAsync();

    [Benchmark]
    public Task Inbox() => rig.InboxAsync();

    [Benchmark]
    public Task InboxAsyncStore() => rig.InboxAsyncStoreAsync();
}

/// <summary>The services and signed request of <see cref="EndpointBenchmarks"/>, shared with <c>--allocations</c>.</summary>
internal sealed class EndpointRig : IDisposable
{
    public const string Secret = "benchmark-consumer-secret";
    private static readonly byte[] SecretBytes = Encoding.UTF8.GetBytes(Secret);

    private readonly byte[] body;
    private readonly string signature;
    private readonly ServiceProvider inlineServices;
    private readonly ServiceProvider inboxServices;
    private readonly ServiceProvider asyncInboxServices;
    private readonly DeliveryEndpoint inline;
    private readonly DeliveryEndpoint inbox;
    private readonly DeliveryEndpoint asyncInbox;

    public EndpointRig(byte[] body)
    {
        this.body = body;
        signature = "sha256=" + Convert.ToBase64String(HMACSHA256.HashData(SecretBytes, body));
        inlineServices = Build(inbox: null);
        inboxServices = Build(new CountingInbox());
        asyncInboxServices = Build(new CountingInbox { Asynchronous = true });
        inline = inlineServices.GetRequiredService<DeliveryEndpoint>();
        inbox = inboxServices.GetRequiredService<DeliveryEndpoint>();
        asyncInbox = asyncInboxServices.GetRequiredService<DeliveryEndpoint>();
    }

    public Task InlineAsync() => RunAsync(inline, inlineServices);

    public Task InboxAsync() => RunAsync(inbox, inboxServices);

    /// <summary>Inbox mode with a store that completes later, as a real one does (its own continuation is in the figure).</summary>
    public Task InboxAsyncStoreAsync() => RunAsync(asyncInbox, asyncInboxServices);

    /// <summary>Bare Kestrel's work: read the body into a pooled buffer, answer 200.</summary>
    public async Task BareReadAsync()
    {
        var context = NewContext(inlineServices);
        var read = await context.Request.BodyReader.ReadAtLeastAsync((int)context.Request.ContentLength!.Value);
        var buffer = ArrayPool<byte>.Shared.Rent((int)read.Buffer.Length);
        read.Buffer.CopyTo(buffer);
        context.Request.BodyReader.AdvanceTo(read.Buffer.End);
        context.Response.StatusCode = 200;
        ArrayPool<byte>.Shared.Return(buffer);
    }

    /// <summary>X's quickstart receiver: read the body, verify the HMAC in constant time, deserialize with reflection, call the handler.</summary>
    public async Task HandWrittenAsync()
    {
        var context = NewContext(inlineServices);
        var read = await context.Request.BodyReader.ReadAtLeastAsync((int)context.Request.ContentLength!.Value);
        var buffer = ArrayPool<byte>.Shared.Rent((int)read.Buffer.Length);
        var length = (int)read.Buffer.Length;
        read.Buffer.CopyTo(buffer);
        context.Request.BodyReader.AdvanceTo(read.Buffer.End);
        var expected = "sha256=" + Convert.ToBase64String(HMACSHA256.HashData(SecretBytes, buffer.AsSpan(0, length)));
        var header = context.Request.Headers["x-twitter-webhooks-signature"].ToString();
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(header), Encoding.ASCII.GetBytes(expected)))
        {
            context.Response.StatusCode = 401;
        }
        else
        {
            await ReflectionBaseline.DispatchAsync(buffer.AsMemory(0, length), context.RequestAborted);
            context.Response.StatusCode = 200;
        }

        ArrayPool<byte>.Shared.Return(buffer);
    }

    public void Dispose()
    {
        inlineServices.Dispose();
        inboxServices.Dispose();
        asyncInboxServices.Dispose();
    }

    private async Task RunAsync(DeliveryEndpoint endpoint, IServiceProvider services)
    {
        var context = NewContext(services);
        await endpoint.HandleAsync(context);
        if (context.Response.StatusCode != 200)
        {
            throw new InvalidOperationException($"The endpoint answered {context.Response.StatusCode}.");
        }

        // Kestrel disposes the request's DI scope when the response completes; DefaultHttpContext leaves it to the caller.
        if (context.Features.Get<IServiceProvidersFeature>() is IAsyncDisposable requestServices)
        {
            await requestServices.DisposeAsync();
        }
    }

    private DefaultHttpContext NewContext(IServiceProvider services)
    {
        var context = new DefaultHttpContext { ServiceScopeFactory = services.GetRequiredService<IServiceScopeFactory>() };
        context.Request.Method = "POST";
        context.Request.ContentType = "application/json";
        context.Request.ContentLength = body.Length;
        context.Request.Headers["x-twitter-webhooks-signature"] = signature;
        context.Request.Body = new MemoryStream(body, writable: false);
        context.Response.Body = Stream.Null;
        return context;
    }

    private static ServiceProvider Build(CountingInbox? inbox)
    {
        var services = new ServiceCollection().AddLogging();
        var xwebhooks = services.AddXWebhooks(o => o.ConsumerSecret = Secret);
        if (inbox is not null)
        {
            xwebhooks.AddInbox(_ => inbox);
        }

        return services.BuildServiceProvider();
    }
}

/// <summary>
/// An inbox (and dedupe store) that keeps nothing, so the inbox rows measure the POST path, not a store. Every event is
/// new to it. It completes appends at once, or after a yield to the thread pool when <see cref="Asynchronous"/>.
/// </summary>
internal sealed class CountingInbox : IXWebhookInbox, IXWebhookDedupe
{
    public long Appends;

    public bool Asynchronous { get; init; }

    public ValueTask AppendAsync(XInboxAppend delivery, CancellationToken cancellationToken)
    {
        Appends++;
        return Asynchronous ? YieldAsync() : default;
    }

    public ValueTask<bool> WasProcessedAsync(string key, CancellationToken cancellationToken) => new(false);

    public ValueTask MarkProcessedAsync(string key, TimeSpan retention, CancellationToken cancellationToken) => default;

    public ValueTask<IReadOnlyList<XInboxEntry>> LeaseAsync(int maxEntries, TimeSpan leaseDuration, CancellationToken cancellationToken) => new([]);

    public ValueTask CompleteAsync(XInboxEntry entry, CancellationToken cancellationToken) => default;

    public ValueTask RetryLaterAsync(XInboxEntry entry, DateTimeOffset notBefore, string error, CancellationToken cancellationToken) => default;

    public ValueTask DeadLetterAsync(XInboxEntry entry, string error, CancellationToken cancellationToken) => default;

    public ValueTask<IReadOnlyList<XDeadLetter>> ListDeadLettersAsync(int maxEntries, CancellationToken cancellationToken) => new([]);

    public ValueTask<bool> RedriveAsync(string deadLetterId, CancellationToken cancellationToken) => new(false);

    public ValueTask<XInboxStats> GetStatsAsync(CancellationToken cancellationToken) => new(new XInboxStats(0, null, 0));

    private static async ValueTask YieldAsync() => await Task.Yield();
}

/// <summary><c>--allocations</c>: bytes allocated per request by each row of <see cref="EndpointBenchmarks"/>, averaged after warm-up.</summary>
internal static class EndpointAllocations
{
    private const int Iterations = 20_000;

    public static async Task<int> RunAsync()
    {
        Console.WriteLine("payload | bare read B | hand-written B | inline B | inbox B | inbox, async store B | inline - bare B | inbox - bare B");
        foreach (var name in new[] { Payloads.Activity, Payloads.AccountActivity, Payloads.Stream })
        {
            using var rig = new EndpointRig(Payloads.Load(name));
            var bare = await MeasureAsync(rig.BareReadAsync);
            var handWritten = await MeasureAsync(rig.HandWrittenAsync);
            var inline = await MeasureAsync(rig.InlineAsync);
            var inbox = await MeasureAsync(rig.InboxAsync);
            var asyncInbox = await MeasureAsync(rig.InboxAsyncStoreAsync);
            Console.WriteLine(FormattableString.Invariant(
                $"{name} | {bare:F0} | {handWritten:F0} | {inline:F0} | {inbox:F0} | {asyncInbox:F0} | {inline - bare:F0} | {inbox - bare:F0}"));
        }

        return 0;
    }

    private static async Task<double> MeasureAsync(Func<Task> request)
    {
        for (var i = 0; i < 2_000; i++)
        {
            await request();
        }

        // Every thread counts: a continuation that ran elsewhere still allocated for this request.
        var before = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < Iterations; i++)
        {
            await request();
        }

        return (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)Iterations;
    }
}
