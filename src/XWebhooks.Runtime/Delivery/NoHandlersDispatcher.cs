namespace XWebhooks.Delivery;

/// <summary>
/// The dispatcher used when the application has no <see cref="XWebhookHandlerAttribute"/> methods: every
/// event is acknowledged and counted as unhandled.
/// </summary>
internal sealed class NoHandlersDispatcher : IXWebhookDispatcher
{
    public int Route(XProduct product, ReadOnlySpan<byte> eventType) => -1;

    public ValueTask DispatchAsync(int route, XEventPayload payload, XDelivery delivery, IServiceProvider services, CancellationToken cancellationToken) =>
        throw new ArgumentOutOfRangeException(nameof(route), route, "This dispatcher has no routes.");
}
