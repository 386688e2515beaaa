using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace XWebhooks.Generators.Parsing;

/// <summary>
/// The runtime and BCL types the parser compares against, resolved once per compilation (never stored in a model).
/// </summary>
/// <remarks>
/// Every <c>[XWebhookHandler]</c> match of one compilation shares one instance through <see cref="For"/>, as
/// ASP.NET's request delegate generator does with <c>WellKnownTypes.GetOrCreate</c>: the lookups are not repeated
/// per handler, and the parse stays inside the attribute transform, so its results remain cacheable values. The
/// table holds compilations weakly; an instance lives as long as its compilation.
/// </remarks>
internal sealed class KnownSymbols
{
    private static readonly ConditionalWeakTable<Compilation, KnownSymbols> PerCompilation = new();

    private KnownSymbols(Compilation compilation)
    {
        EventTypeAttribute = compilation.GetTypeByMetadataName(WellKnownNames.EventTypeAttribute);
        EventInterface = compilation.GetTypeByMetadataName(WellKnownNames.EventInterface);
        UnknownEvent = compilation.GetTypeByMetadataName(WellKnownNames.UnknownEvent);
        Delivery = compilation.GetTypeByMetadataName(WellKnownNames.Delivery);
        CancellationToken = compilation.GetTypeByMetadataName("System.Threading.CancellationToken");
        Task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
        ValueTask = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask");
    }

    public INamedTypeSymbol? EventTypeAttribute { get; }

    public INamedTypeSymbol? EventInterface { get; }

    public INamedTypeSymbol? UnknownEvent { get; }

    public INamedTypeSymbol? Delivery { get; }

    public INamedTypeSymbol? CancellationToken { get; }

    public INamedTypeSymbol? Task { get; }

    public INamedTypeSymbol? ValueTask { get; }

    public bool IsComplete =>
        EventTypeAttribute is not null && EventInterface is not null && UnknownEvent is not null && Delivery is not null
        && CancellationToken is not null && Task is not null && ValueTask is not null;

    /// <summary>The symbols of <paramref name="compilation"/>, resolved on the first call and shared after it.</summary>
    public static KnownSymbols For(Compilation compilation) =>
        PerCompilation.GetValue(compilation, static c => new KnownSymbols(c));
}
