using Microsoft.CodeAnalysis;
using XWebhooks.Generators.Model;

namespace XWebhooks.Generators.Parsing;

/// <summary>
/// Reads, from metadata, the generated registrations of referenced handler assemblies: the
/// <c>[assembly: XWebhookHandlerAssembly(typeof(…))]</c> attribute our generator emits into each of them.
/// </summary>
/// <remarks>
/// Runs on every compilation change, so it stays cheap: only assemblies that reference XWebhooks have their
/// attributes decoded (Roslyn caches both per referenced assembly symbol). The result is value-equatable, so
/// later steps stay cached when nothing here changed.
/// </remarks>
internal static class ReferencedRegistrationReader
{
    public static EquatableArray<string> Read(Compilation compilation, CancellationToken cancellationToken)
    {
        var attributeType = compilation.GetTypeByMetadataName(WellKnownNames.HandlerAssemblyAttribute);
        if (attributeType is null)
        {
            return EquatableArray<string>.Empty;
        }

        var found = new List<string>();
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!ReferencesRuntime(assembly))
            {
                continue;
            }

            foreach (var attribute in assembly.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType)
                    && attribute.ConstructorArguments.Length > 0
                    && attribute.ConstructorArguments[0].Value is INamedTypeSymbol { DeclaredAccessibility: Accessibility.Public } registration)
                {
                    found.Add(registration.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat));
                }
            }
        }

        found.Sort(StringComparer.Ordinal);
        return found.ToEquatableArray();
    }

    private static bool ReferencesRuntime(IAssemblySymbol assembly)
    {
        foreach (var module in assembly.Modules)
        {
            foreach (var reference in module.ReferencedAssemblies)
            {
                if (reference.Name == WellKnownNames.RuntimeAssembly)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
