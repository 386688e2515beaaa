namespace XWebhooks.Delivery;

/// <summary>An event located in a delivery together with the dispatcher route that handles it.</summary>
internal readonly record struct RoutedEvent(int Route, XEventPayload Payload, string EventType);
