using System.Collections.Concurrent;
using System.Text;
using XWebhooks.Delivery;

namespace XWebhooks.Tests.Hosting;

/// <summary>
/// A hand-written dispatcher for endpoint tests: handles <c>post.create</c>, <c>favorite_events</c> and the
/// stream kind, and the test kinds <c>test.throw</c>, <c>test.slow</c> (ignores cancellation),
/// <c>test.slow_cooperative</c> (honours it), <c>test.fail_once</c> (throws on its first call only) and
/// <c>test.broken</c> (throws while <see cref="Broken"/> is set) and <c>test.traced</c> (starts its own span on
/// <see cref="HandlerSourceName"/>, as an instrumented handler would).
/// </summary>
internal sealed class RecordingDispatcher : IXWebhookDispatcher
{
    private const int Record = 0;
    private const int Throw = 1;
    private const int Slow = 2;
    private const int SlowCooperative = 3;
    private const int FailOnce = 4;
    private const int FailWhileBroken = 5;
    private const int Traced = 6;

    public const string HandlerSourceName = "XWebhooks.Tests.Handler";
    private static readonly System.Diagnostics.ActivitySource HandlerSource = new(HandlerSourceName);

    private int failOnceCalls;

    public ConcurrentQueue<(XProduct Product, string EventType, string Json, string? ForUserId)> Dispatched { get; } = new();

    public int RouteCalls => routeCalls;

    /// <summary>While true, <c>test.broken</c> events fail.</summary>
    public bool Broken { get; set; }

    private int routeCalls;

    public int Route(XProduct product, ReadOnlySpan<byte> eventType)
    {
        Interlocked.Increment(ref routeCalls);
        return eventType switch
        {
            _ when eventType.SequenceEqual("post.create"u8) || eventType.SequenceEqual("favorite_events"u8) || eventType.SequenceEqual("post"u8) => Record,
            _ when eventType.SequenceEqual("test.throw"u8) => Throw,
            _ when eventType.SequenceEqual("test.slow"u8) => Slow,
            _ when eventType.SequenceEqual("test.slow_cooperative"u8) => SlowCooperative,
            _ when eventType.SequenceEqual("test.fail_once"u8) => FailOnce,
            _ when eventType.SequenceEqual("test.broken"u8) => FailWhileBroken,
            _ when eventType.SequenceEqual("test.traced"u8) => Traced,
            _ => -1,
        };
    }

    public async ValueTask DispatchAsync(int route, XEventPayload payload, XDelivery delivery, IServiceProvider services, CancellationToken cancellationToken)
    {
        switch (route)
        {
            case Record:
                Dispatched.Enqueue((payload.Product, Encoding.UTF8.GetString(payload.EventType.Span), Encoding.UTF8.GetString(payload.Json.Span), delivery.ForUserId));
                break;
            case Throw:
                throw new InvalidOperationException("handler failed on purpose");
            case Slow:
                await Task.Delay(TimeSpan.FromSeconds(2), CancellationToken.None);
                break;
            case SlowCooperative:
                await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
                break;
            case FailOnce:
                if (Interlocked.Increment(ref failOnceCalls) == 1)
                {
                    throw new TimeoutException("transient failure on purpose");
                }

                Dispatched.Enqueue((payload.Product, "test.fail_once", Encoding.UTF8.GetString(payload.Json.Span), delivery.ForUserId));
                break;
            case FailWhileBroken:
                if (Broken)
                {
                    throw new InvalidOperationException("broken on purpose");
                }

                Dispatched.Enqueue((payload.Product, "test.broken", Encoding.UTF8.GetString(payload.Json.Span), delivery.ForUserId));
                break;
            case Traced:
                using (HandlerSource.StartActivity("handler work"))
                {
                    Dispatched.Enqueue((payload.Product, "test.traced", Encoding.UTF8.GetString(payload.Json.Span), delivery.ForUserId));
                }

                break;
        }
    }
}
