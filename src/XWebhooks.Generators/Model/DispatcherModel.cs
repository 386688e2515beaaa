namespace XWebhooks.Generators.Model;

/// <summary>Everything the dispatcher file needs.</summary>
/// <param name="Routes">Routes by index; the fallback route, when present, is last.</param>
/// <param name="Registrations">Handler classes with instance handlers, by name.</param>
internal sealed record DispatcherModel(EquatableArray<RouteModel> Routes, EquatableArray<RegistrationModel> Registrations)
{
    public RouteModel? Fallback => Routes.LastOrDefault(static route => route.EventTypeFullyQualifiedName is null);
}
