using System.Collections.Concurrent;
using System.Reflection;
using System.Text;
using XWebhooks.Delivery;
using XWebhooks.Events;
using XWebhooks.Serialization;

namespace XWebhooks.Tests.Drift;

/// <summary>
/// A dispatcher for every event model of the runtime, found by reflection: it reads each event the way generated
/// dispatchers do (<see cref="LenientEventReader.Read{T}"/> with the request's services) and records the typed event.
/// </summary>
internal sealed class ModelDispatcher : IXWebhookDispatcher
{
    private readonly List<Func<XEventPayload, IServiceProvider, object>> readers = [];
    private readonly Dictionary<(XProduct, string), int> routes = [];

    public ModelDispatcher()
    {
        var read = typeof(LenientEventReader).GetMethod(nameof(LenientEventReader.Read))!;
        foreach (var type in typeof(IXEvent<>).Assembly.GetTypes())
        {
            foreach (var kind in type.GetCustomAttributes<XEventTypeAttribute>())
            {
                var reader = read.MakeGenericMethod(type);
                routes[(kind.Product, kind.Name)] = readers.Count;
                readers.Add((payload, services) => reader.Invoke(null, [payload, services])!);
            }
        }
    }

    /// <summary>Every event a handler got: its kind and the typed model.</summary>
    public ConcurrentQueue<(string EventType, object Event)> Handled { get; } = new();

    public int Route(XProduct product, ReadOnlySpan<byte> eventType) =>
        routes.TryGetValue((product, Encoding.UTF8.GetString(eventType)), out var route) ? route : -1;

    public ValueTask DispatchAsync(int route, XEventPayload payload, XDelivery delivery, IServiceProvider services, CancellationToken cancellationToken)
    {
        object @event;
        try
        {
            @event = readers[route](payload, services);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex.InnerException);
            throw;
        }

        ReadDeferredMembers(@event);
        Handled.Enqueue((Encoding.UTF8.GetString(payload.EventType.Span), @event));
        return ValueTask.CompletedTask;
    }

    // A handler that uses the whole event: an XAA event's payload and includes are read on first use, so they are read
    // here, within the dispatch, where their drift is reported and an unreadable one fails the handler.
    private static void ReadDeferredMembers(object @event)
    {
        try
        {
            _ = @event.GetType().GetProperty("Payload")?.GetValue(@event);
            _ = @event.GetType().GetProperty("Includes")?.GetValue(@event);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex.InnerException);
            throw;
        }
    }
}
