using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using XWebhooks.Generators.Model;

namespace XWebhooks.Generators.Parsing;

/// <summary>
/// Picks the constructor generated code calls to create a handler class: the public constructor with
/// the most parameters (the rule of Microsoft.Extensions.DependencyInjection), without ActivatorUtilities.
/// </summary>
internal static class ConstructorReader
{
    public static EquatableArray<ConstructorParameterModel>? Read(INamedTypeSymbol type, out string? problem)
    {
        problem = null;
        if (type.IsAbstract)
        {
            problem = "it is abstract";
            return null;
        }

        var candidates = type.InstanceConstructors
            .Where(static constructor => constructor.DeclaredAccessibility == Accessibility.Public
                && constructor.Parameters.All(static parameter => parameter.RefKind == RefKind.None && !parameter.IsParams))
            .ToList();
        if (candidates.Count == 0)
        {
            problem = "it has no public constructor whose parameters are all taken by value; add one (its parameters are resolved from dependency injection)";
            return null;
        }

        var most = candidates.Max(static constructor => constructor.Parameters.Length);
        var best = candidates.Where(constructor => constructor.Parameters.Length == most).ToList();
        if (best.Count > 1)
        {
            problem = "it has " + best.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)
                + " public constructors with " + most.ToString(System.Globalization.CultureInfo.InvariantCulture)
                + " parameters; keep one constructor with the most parameters";
            return null;
        }

        return best[0].Parameters.Select(static parameter => new ConstructorParameterModel(
            parameter.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            parameter.IsOptional,
            parameter.IsOptional ? DefaultValue(parameter) : string.Empty)).ToEquatableArray();
    }

    private static string DefaultValue(IParameterSymbol parameter)
    {
        if (!parameter.HasExplicitDefaultValue || parameter.ExplicitDefaultValue is null)
        {
            return "default!";
        }

        var literal = SymbolDisplay.FormatPrimitive(parameter.ExplicitDefaultValue, quoteStrings: true, useHexadecimalNumbers: false);
        if (literal is null)
        {
            return "default!";
        }

        if (parameter.ExplicitDefaultValue is string)
        {
            return literal;
        }

        return "(" + parameter.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + ")(" + literal + ")";
    }
}
