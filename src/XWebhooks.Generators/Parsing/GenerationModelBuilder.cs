using System.Collections.Immutable;
using System.Globalization;
using XWebhooks.Generators.Model;

namespace XWebhooks.Generators.Parsing;

/// <summary>
/// Groups all valid handlers of a compilation into dispatcher routes and handler-class files. Pure
/// function of its input (ordering by file path, then syntax position), so equal input gives an equal model.
/// </summary>
internal static class GenerationModelBuilder
{
    public const string InvokerPrefix = "__XWebhooks_";

    public static GenerationModel Build(ImmutableArray<HandlerModel> input, CancellationToken cancellationToken)
    {
        var handlers = input
            .OrderBy(static handler => handler.FilePath, StringComparer.Ordinal)
            .ThenBy(static handler => handler.Order, OrderComparer.Instance)
            .ThenBy(static handler => handler.Type.FullyQualifiedName, StringComparer.Ordinal)
            .ThenBy(static handler => handler.MethodName, StringComparer.Ordinal)
            .ToList();

        // Invoker names: unique within a class even for overloads that share a name.
        var invokerNames = new string[handlers.Count];
        foreach (var byType in Enumerable.Range(0, handlers.Count).GroupBy(i => handlers[i].Type.FullyQualifiedName, StringComparer.Ordinal))
        {
            foreach (var byName in byType.GroupBy(i => handlers[i].MethodName, StringComparer.Ordinal))
            {
                var indexes = byName.ToList();
                for (var n = 0; n < indexes.Count; n++)
                {
                    var suffix = indexes.Count == 1 ? string.Empty : "_" + n.ToString(CultureInfo.InvariantCulture);
                    invokerNames[indexes[n]] = InvokerPrefix + handlers[indexes[n]].MethodName + suffix;
                }
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        var routes = BuildRoutes(handlers, invokerNames);
        var classes = new List<HandlerClassModel>();
        var registrations = new List<RegistrationModel>();
        foreach (var byType in Enumerable.Range(0, handlers.Count)
                     .GroupBy(i => handlers[i].Type.FullyQualifiedName, StringComparer.Ordinal)
                     .OrderBy(static group => group.Key, StringComparer.Ordinal))
        {
            var members = byType.ToList();
            var type = handlers[members[0]].Type;
            classes.Add(new HandlerClassModel(
                type.MetadataName + ".XWebhooks.g.cs",
                type with { Constructor = null },
                members.Select(i => new InvokerModel(
                    invokerNames[i],
                    handlers[i].MethodName,
                    handlers[i].IsStatic,
                    handlers[i].Event?.FullyQualifiedName ?? WellKnownNames.GlobalUnknownEvent,
                    handlers[i].Parameters,
                    handlers[i].Return)).ToEquatableArray()));

            var constructor = members.Select(i => handlers[i].Type.Constructor).FirstOrDefault(static c => c is not null);
            if (members.Any(i => !handlers[i].IsStatic) && constructor is { } parameters)
            {
                registrations.Add(new RegistrationModel(type.FullyQualifiedName, parameters));
            }
        }

        return new GenerationModel(
            new DispatcherModel(routes.ToEquatableArray()),
            classes.ToEquatableArray(),
            registrations.ToEquatableArray(),
            EquatableArray<DiagnosticInfo>.Empty);
    }

    private static List<RouteModel> BuildRoutes(List<HandlerModel> handlers, string[] invokerNames)
    {
        var routes = new List<RouteModel>();
        var taken = new HashSet<(int Product, string Name)>();
        var typed = Enumerable.Range(0, handlers.Count)
            .Where(i => handlers[i].Event is not null)
            .GroupBy(i => handlers[i].Event!.FullyQualifiedName, StringComparer.Ordinal)
            .OrderBy(static group => group.Key, StringComparer.Ordinal);
        foreach (var group in typed)
        {
            var members = group.ToList();
            var kinds = handlers[members[0]].Event!.Kinds
                .Where(kind => taken.Add((kind.Product, kind.Name)))
                .ToEquatableArray();
            routes.Add(new RouteModel(routes.Count, group.Key, kinds, Calls(handlers, invokerNames, members)));
        }

        var fallback = Enumerable.Range(0, handlers.Count).Where(i => handlers[i].Event is null).ToList();
        if (fallback.Count > 0)
        {
            routes.Add(new RouteModel(routes.Count, null, EquatableArray<EventKindModel>.Empty, Calls(handlers, invokerNames, fallback)));
        }

        return routes;
    }

    private static EquatableArray<HandlerCallModel> Calls(List<HandlerModel> handlers, string[] invokerNames, List<int> members) =>
        members.Select(i => new HandlerCallModel(handlers[i].Type.FullyQualifiedName, invokerNames[i], handlers[i].IsStatic)).ToEquatableArray();

    /// <summary>Orders syntax paths lexicographically (document order).</summary>
    private sealed class OrderComparer : IComparer<EquatableArray<int>>
    {
        public static readonly OrderComparer Instance = new();

        public int Compare(EquatableArray<int> x, EquatableArray<int> y)
        {
            for (var i = 0; i < x.Count && i < y.Count; i++)
            {
                var compared = x[i].CompareTo(y[i]);
                if (compared != 0)
                {
                    return compared;
                }
            }

            return x.Count.CompareTo(y.Count);
        }
    }
}
