namespace XWebhooks.Delivery;

/// <summary>
/// Runs the application's handlers for events the receive path located in a verified delivery.
/// The XWebhooks source generator implements this for every assembly with <see cref="XWebhookHandlerAttribute"/>
/// methods; you rarely implement it yourself.
/// </summary>
/// <remarks>
/// The runtime reads the body once, asks <see cref="Route"/> for every event and only then calls
/// <see cref="DispatchAsync"/> for the events that have a route. Events without one are never deserialized.
/// </remarks>
public interface IXWebhookDispatcher
{
    /// <summary>
    /// Returns the route that handles events of <paramref name="eventType"/> from <paramref name="product"/>,
    /// or <c>-1</c> when no handler takes them (the event is acknowledged, counted and skipped).
    /// Must not allocate.
    /// </summary>
    int Route(XProduct product, ReadOnlySpan<byte> eventType);

    /// <summary>Deserializes one event and runs every handler of <paramref name="route"/> for it.</summary>
    /// <param name="route">A value <see cref="Route"/> returned.</param>
    /// <param name="payload">The located event.</param>
    /// <param name="delivery">The delivery the event came in.</param>
    /// <param name="services">The delivery's scoped service provider (handler instances are resolved from it).</param>
    /// <param name="cancellationToken">Cancelled when the response budget runs out or the request is aborted.</param>
    ValueTask DispatchAsync(int route, XEventPayload payload, XDelivery delivery, IServiceProvider services, CancellationToken cancellationToken);
}
