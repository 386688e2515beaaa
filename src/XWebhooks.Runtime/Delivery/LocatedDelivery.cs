namespace XWebhooks.Delivery;

/// <summary>A verified delivery whose events have been located; <see cref="Routed"/> lists those a handler takes.</summary>
internal sealed record LocatedDelivery(XDelivery Delivery, IReadOnlyList<RoutedEvent> Routed)
{
    /// <summary>
    /// Every located event in body order, routed or not (route -1), when the locate pass was asked to keep them for the
    /// <see cref="EventIndex"/>; otherwise <see cref="Routed"/>.
    /// </summary>
    public IReadOnlyList<RoutedEvent> All { get; init; } = Routed;
}
