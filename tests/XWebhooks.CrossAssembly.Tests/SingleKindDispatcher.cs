using System.Collections.Concurrent;
using XWebhooks.Delivery;

namespace XWebhooks.CrossAssembly.Tests;

/// <summary>Stands in for another assembly's generated dispatcher: takes one XAA kind and records what it got.</summary>
internal sealed class SingleKindDispatcher(string kind) : IXWebhookDispatcher
{
    public ConcurrentQueue<string> Dispatched { get; } = new();

    public int Route(XProduct product, ReadOnlySpan<byte> eventType) =>
        product == XProduct.Activity && System.Text.Encoding.UTF8.GetString(eventType) == kind ? 0 : -1;

    public ValueTask DispatchAsync(int route, XEventPayload payload, XDelivery delivery, IServiceProvider services, CancellationToken cancellationToken)
    {
        Dispatched.Enqueue(System.Text.Encoding.UTF8.GetString(payload.EventType.Span));
        return ValueTask.CompletedTask;
    }
}
