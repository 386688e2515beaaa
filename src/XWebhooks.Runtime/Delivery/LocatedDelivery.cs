namespace XWebhooks.Delivery;

/// <summary>A verified delivery whose events have been located; <see cref="Routed"/> lists those a handler takes.</summary>
internal sealed record LocatedDelivery(XDelivery Delivery, IReadOnlyList<RoutedEvent> Routed);
