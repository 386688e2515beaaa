using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace XWebhooks.Analyzers;

/// <summary>Awaitable calls that could take a CancellationToken but are not given one (shared by XWH103 and XWH104).</summary>
internal static class CancellableCalls
{
    /// <summary>
    /// Null when the call needs no token; the optional parameter's name when it was left at its default and must be
    /// passed by name; "" when it can be passed positionally or an overload with one more trailing CancellationToken exists.
    /// </summary>
    public static string? MissingToken(IInvocationOperation invocation, KnownSymbols symbols)
    {
        var method = invocation.TargetMethod;
        if (!symbols.IsAwaitable(method.ReturnType))
        {
            return null;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (KnownSymbols.Is(argument.Parameter?.Type, symbols.CancellationToken))
            {
                if (argument.ArgumentKind != ArgumentKind.DefaultValue)
                {
                    return null;
                }

                // Positional when every earlier parameter got a positional argument, else a named argument.
                var explicitCount = invocation.Arguments.Count(a => a.ArgumentKind != ArgumentKind.DefaultValue);
                var positional = argument.Parameter!.Ordinal == explicitCount
                    && invocation.Syntax is InvocationExpressionSyntax { ArgumentList.Arguments: var syntaxArguments }
                    && syntaxArguments.All(a => a.NameColon is null);
                return positional ? string.Empty : argument.Parameter.Name;
            }
        }

        var parameters = method.Parameters;
        foreach (var candidate in method.ContainingType.GetMembers(method.Name).OfType<IMethodSymbol>())
        {
            var others = candidate.Parameters;
            if (candidate.IsStatic == method.IsStatic
                && others.Length == parameters.Length + 1
                && KnownSymbols.Is(others[others.Length - 1].Type, symbols.CancellationToken)
                && candidate.TypeParameters.Length == method.TypeParameters.Length
                && !symbols.IsObsolete(candidate)
                && parameters.Select((p, i) => SymbolEqualityComparer.Default.Equals(p.Type.OriginalDefinition, others[i].Type.OriginalDefinition) || (p.Type.TypeKind == TypeKind.TypeParameter && others[i].Type.TypeKind == TypeKind.TypeParameter)).All(x => x))
            {
                return string.Empty;
            }
        }

        return null;
    }

    /// <summary>The awaited call under conversions and <c>ConfigureAwait</c>.</summary>
    public static IOperation UnwrapAwaited(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    break;
                case IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Instance: { } instance }:
                    operation = instance;
                    break;
                default:
                    return operation;
            }
        }
    }
}
