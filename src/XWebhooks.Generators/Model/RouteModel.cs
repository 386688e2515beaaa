namespace XWebhooks.Generators.Model;

/// <summary>One dispatcher route: the event type deserialized and the handlers run, in order.</summary>
/// <param name="Index">The value <c>Route</c> returns.</param>
/// <param name="EventTypeFullyQualifiedName">The event type, or null for the <c>XUnknownEvent</c> fallback route.</param>
/// <param name="Kinds">The wire kinds that select this route (empty for the fallback).</param>
/// <param name="Calls">The handlers, in file-then-position order.</param>
internal sealed record RouteModel(
    int Index,
    string? EventTypeFullyQualifiedName,
    EquatableArray<EventKindModel> Kinds,
    EquatableArray<HandlerCallModel> Calls);
