using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using XWebhooks.Delivery;
using XWebhooks.Events.AccountActivity;
using XWebhooks.Events.Activity;
using XWebhooks.Events.Stream;
using XWebhooks.Generated;

namespace XWebhooks.Benchmarks;

/// <summary>
/// One delivery per operation for each product: the generated dispatcher (reader → Route → DispatchAsync) against
/// the hand-written reflection baseline, and plain source-generated deserialization of the event alone.
/// </summary>
[MemoryDiagnoser]
public class DispatchBenchmarks
{
    private readonly XWebhooksDispatcher dispatcher = new();
    private readonly DispatchPath path;
    private ServiceProvider services = null!;
    private byte[] body = [];
    private byte[] eventJson = [];

    public DispatchBenchmarks() => path = new DispatchPath(dispatcher);

    [Params(Payloads.Activity, Payloads.AccountActivity, Payloads.Stream)]
    public string Payload { get; set; } = Payloads.Activity;

    [GlobalSetup]
    public void Setup()
    {
        services = new ServiceCollection().BuildServiceProvider();
        body = Payloads.Load(Payload);
        eventJson = Payloads.FirstEventJson(body);
    }

    [GlobalCleanup]
    public void Cleanup() => services.Dispose();

    [Benchmark(Baseline = true)]
    public ValueTask ReflectionBaseline() => Benchmarks.ReflectionBaseline.DispatchAsync(body, CancellationToken.None);

    [Benchmark]
    public ValueTask Generated() => path.DispatchAsync(body, services, CancellationToken.None);

    [Benchmark]
    public object? DeserializeOnly() => Payload switch
    {
        Payloads.Activity => JsonSerializer.Deserialize(eventJson, PostCreated.JsonTypeInfo),
        Payloads.AccountActivity => JsonSerializer.Deserialize(eventJson, FavoriteEvent.JsonTypeInfo),
        _ => JsonSerializer.Deserialize(eventJson, StreamPost.JsonTypeInfo),
    };
}

/// <summary>
/// Deliveries whose only event kind has no handler: the reader and <c>Route</c> only. The XAA one must allocate 0 B;
/// the AAA one allocates the <c>for_user_id</c> string the reader documents.
/// </summary>
[MemoryDiagnoser]
public class UnhandledBenchmarks
{
    private readonly DispatchPath path = new(new XWebhooksDispatcher());
    private byte[] activityBody = [];
    private byte[] accountActivityBody = [];

    [GlobalSetup]
    public void Setup()
    {
        activityBody = Payloads.Load(Payloads.ActivityUnhandled);
        accountActivityBody = Payloads.Load(Payloads.AccountActivityUnhandled);
    }

    /// <summary>XAA <c>profile.update.bio</c>, no handler.</summary>
    [Benchmark]
    public int UnhandledKind() => path.LocateOnly(activityBody);

    /// <summary>AAA <c>tweet_delete_events</c>, no handler (informational: for_user_id is a string).</summary>
    [Benchmark]
    public int UnhandledKindAccountActivity() => path.LocateOnly(accountActivityBody);
}

/// <summary>
/// The runtime's inline path without its bookkeeping: read every event first and route it (as
/// <c>DeliveryProcessor.Locate</c>), build one <see cref="XDelivery"/>, then dispatch the routed events in order.
/// Routed events go to reused arrays, so the runtime's <c>List&lt;RoutedEvent&gt;</c> and <c>LocatedDelivery</c> are
/// not part of this measurement (see the report).
/// </summary>
internal sealed class DispatchPath(IXWebhookDispatcher dispatcher)
{
    private readonly int[] routes = new int[64];
    private readonly XEventPayload[] payloads = new XEventPayload[64];

    public async ValueTask DispatchAsync(ReadOnlyMemory<byte> body, IServiceProvider services, CancellationToken cancellationToken)
    {
        var count = Locate(body, out var product, out var forUserId);
        var delivery = new XDelivery(product, body, DateTimeOffset.UtcNow, forUserId);
        for (var i = 0; i < count; i++)
        {
            await dispatcher.DispatchAsync(routes[i], payloads[i], delivery, services, cancellationToken).ConfigureAwait(false);
        }
    }

    public int LocateOnly(ReadOnlyMemory<byte> body) => Locate(body, out _, out _);

    private int Locate(ReadOnlyMemory<byte> body, out XProduct product, out string? forUserId)
    {
        var count = 0;
        var reader = new XDeliveryReader(body);
        while (reader.TryReadNext(out var payload))
        {
            var route = dispatcher.Route(payload.Product, payload.EventType.Span);
            if (route < 0)
            {
                continue;
            }

            routes[count] = route;
            payloads[count++] = payload;
        }

        product = reader.Product;
        forUserId = reader.ForUserId;
        return count;
    }
}
