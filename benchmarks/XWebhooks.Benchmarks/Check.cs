using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using XWebhooks.Delivery;
using XWebhooks.Events.AccountActivity;
using XWebhooks.Events.Activity;
using XWebhooks.Events.Stream;
using XWebhooks.Generated;

namespace XWebhooks.Benchmarks;

/// <summary>
/// <c>--check</c>: the generated path and the reflection baseline must give the handler equal events (compared as
/// their source-generated JSON), and a per-step allocation breakdown of the generated path
/// (<see cref="GC.GetAllocatedBytesForCurrentThread"/>, averaged after warm-up).
/// </summary>
internal static class Check
{
    private const int Iterations = 20_000;

    public static async Task<int> RunAsync()
    {
        var failures = 0;
        var dispatcher = new XWebhooksDispatcher();
        var path = new DispatchPath(dispatcher);
        using var services = new ServiceCollection().BuildServiceProvider();
        var ct = CancellationToken.None;

        Console.WriteLine("payload | locate+route B | XDelivery B | DispatchAsync B | generated total B | deserialize-only B | reflection total B");
        foreach (var name in new[] { Payloads.Activity, Payloads.AccountActivity, Payloads.Stream })
        {
            var body = Payloads.Load(name);
            var eventJson = Payloads.FirstEventJson(body);

            BenchHandlers.LastEvent = null;
            await path.DispatchAsync(body, services, ct);
            var generated = Json(BenchHandlers.LastEvent);
            BenchHandlers.LastEvent = null;
            await ReflectionBaseline.DispatchAsync(body, ct);
            var reflected = Json(BenchHandlers.LastEvent);
            if (generated is null || generated != reflected)
            {
                failures++;
                Console.Error.WriteLine($"{name}: the paths disagree\n generated:  {generated}\n reflection: {reflected}");
            }

            var reader = new XDeliveryReader(body);
            reader.TryReadNext(out var payload);
            var route = dispatcher.Route(payload.Product, payload.EventType.Span);
            var delivery = new XDelivery(payload.Product, body, DateTimeOffset.UtcNow, "2244994945");

            var locate = Measure(() => path.LocateOnly(body));
            var newDelivery = Measure(() => new XDelivery(XProduct.Activity, body, DateTimeOffset.UtcNow));
            var dispatchOnly = await MeasureAsync(() => dispatcher.DispatchAsync(route, payload, delivery, services, ct));
            var total = await MeasureAsync(() => path.DispatchAsync(body, services, ct));
            var deserialize = Measure(() => Deserialize(name, eventJson));
            var reflection = await MeasureAsync(() => ReflectionBaseline.DispatchAsync(body, ct));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name} | {locate:F0} | {newDelivery:F0} | {dispatchOnly:F0} | {total:F0} | {deserialize:F0} | {reflection:F0}"));
        }

        Console.WriteLine(failures == 0 ? "check: both paths give handlers equal events" : $"check: {failures} payload(s) differ");
        return failures == 0 ? 0 : 1;
    }

    private static object? Deserialize(string name, byte[] eventJson) => name switch
    {
        Payloads.Activity => JsonSerializer.Deserialize(eventJson, PostCreated.JsonTypeInfo),
        Payloads.AccountActivity => JsonSerializer.Deserialize(eventJson, FavoriteEvent.JsonTypeInfo),
        _ => JsonSerializer.Deserialize(eventJson, StreamPost.JsonTypeInfo),
    };

    private static string? Json(object? value) => value switch
    {
        PostCreated e => JsonSerializer.Serialize(e, PostCreated.JsonTypeInfo),
        FavoriteEvent e => JsonSerializer.Serialize(e, FavoriteEvent.JsonTypeInfo),
        StreamPost e => JsonSerializer.Serialize(e, StreamPost.JsonTypeInfo),
        _ => null,
    };

    private static double Measure<T>(Func<T> action)
    {
        for (var i = 0; i < 1000; i++)
        {
            action();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Iterations; i++)
        {
            action();
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / (double)Iterations;
    }

    private static async Task<double> MeasureAsync(Func<ValueTask> action)
    {
        for (var i = 0; i < 1000; i++)
        {
            await action();
        }

        // The handlers complete synchronously, so everything below runs on this thread.
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Iterations; i++)
        {
            var task = action();
            if (!task.IsCompletedSuccessfully)
            {
                throw new InvalidOperationException("A handler did not complete synchronously.");
            }
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / (double)Iterations;
    }
}
