using Microsoft.CodeAnalysis;

namespace XWebhooks.Generators.Parsing;

/// <summary>The runtime and BCL types the parser compares against, resolved from one compilation (never stored in a model).</summary>
internal sealed class KnownSymbols(Compilation compilation)
{
    public INamedTypeSymbol? EventTypeAttribute { get; } = compilation.GetTypeByMetadataName(WellKnownNames.EventTypeAttribute);

    public INamedTypeSymbol? EventInterface { get; } = compilation.GetTypeByMetadataName(WellKnownNames.EventInterface);

    public INamedTypeSymbol? UnknownEvent { get; } = compilation.GetTypeByMetadataName(WellKnownNames.UnknownEvent);

    public INamedTypeSymbol? Delivery { get; } = compilation.GetTypeByMetadataName(WellKnownNames.Delivery);

    public INamedTypeSymbol? CancellationToken { get; } = compilation.GetTypeByMetadataName("System.Threading.CancellationToken");

    public INamedTypeSymbol? Task { get; } = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");

    public INamedTypeSymbol? ValueTask { get; } = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask");

    public bool IsComplete =>
        EventTypeAttribute is not null && EventInterface is not null && UnknownEvent is not null && Delivery is not null
        && CancellationToken is not null && Task is not null && ValueTask is not null;
}
