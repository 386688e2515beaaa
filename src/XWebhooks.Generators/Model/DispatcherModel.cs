namespace XWebhooks.Generators.Model;

/// <summary>Everything the dispatcher file needs.</summary>
/// <param name="Routes">Routes by index; the fallback route, when present, is last.</param>
internal sealed record DispatcherModel(EquatableArray<RouteModel> Routes)
{
    public RouteModel? Fallback => Routes.LastOrDefault(static route => route.EventTypeFullyQualifiedName is null);
}
