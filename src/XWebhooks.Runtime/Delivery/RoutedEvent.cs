namespace XWebhooks.Delivery;

/// <summary>An event located in a delivery together with the dispatcher route that handles it (-1: none).</summary>
internal readonly record struct RoutedEvent(int Route, XEventPayload Payload, string EventType)
{
    /// <summary>True once <see cref="DedupeKey"/> was computed (on the POST path, or stored in the event index).</summary>
    public bool DedupeKeyComputed { get; init; }

    /// <summary>The event's dedupe key when <see cref="DedupeKeyComputed"/>; null also when the event carries nothing to key on.</summary>
    public string? DedupeKey { get; init; }
}
