using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace XWebhooks.Analyzers;

/// <summary>
/// XWH103: inside a handler that takes a CancellationToken, an awaitable call that could take the token but does not
/// (an optional token parameter left at its default, or an overload with one more CancellationToken parameter).
/// XWH104: an async handler awaits such a call but declares no CancellationToken at all.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CancellationTokenAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property: the handler's token parameter name.</summary>
    public const string TokenProperty = "Token";

    /// <summary>Diagnostic property: set to the parameter name when the token goes to an optional parameter (named argument).</summary>
    public const string ParameterProperty = "Parameter";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.ForwardCancellationToken, Descriptors.HandlerWithoutCancellationToken);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var symbols = KnownSymbols.Create(start.Compilation);
            if (symbols.HandlerAttribute is null || symbols.CancellationToken is null)
            {
                return;
            }

            start.RegisterOperationBlockAction(block =>
            {
                if (block.OwningSymbol is not IMethodSymbol handler || !symbols.IsHandler(handler))
                {
                    return;
                }

                var token = symbols.GetTokenParameter(handler);
                if (token is not null)
                {
                    foreach (var invocation in block.OperationBlocks.SelectMany(b => b.DescendantsAndSelf()).OfType<IInvocationOperation>())
                    {
                        if (Missing(invocation, symbols) is { } missing)
                        {
                            var properties = ImmutableDictionary<string, string?>.Empty.Add(TokenProperty, token.Name);
                            if (missing.Length > 0)
                            {
                                properties = properties.Add(ParameterProperty, missing);
                            }

                            var budget = KnownSymbols.GetBudgetSeconds(block.Options, invocation.Syntax.SyntaxTree);
                            block.ReportDiagnostic(Diagnostic.Create(
                                Descriptors.ForwardCancellationToken,
                                invocation.Syntax.GetLocation(),
                                properties,
                                token.Name,
                                invocation.TargetMethod.ContainingType.Name + "." + invocation.TargetMethod.Name,
                                KnownSymbols.Format(budget)));
                        }
                    }

                    return;
                }

                if (!symbols.IsAwaitable(handler.ReturnType) || handler.Locations.Length == 0)
                {
                    return;
                }

                var awaitsCancellable = block.OperationBlocks
                    .SelectMany(b => b.DescendantsAndSelf())
                    .OfType<IAwaitOperation>()
                    .Any(a => Unwrap(a.Operation) is IInvocationOperation awaited && Missing(awaited, symbols) is not null);
                if (awaitsCancellable)
                {
                    var budget = KnownSymbols.GetBudgetSeconds(block.Options, handler.Locations[0].SourceTree);
                    block.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.HandlerWithoutCancellationToken,
                        handler.Locations[0],
                        handler.Name,
                        KnownSymbols.Format(budget)));
                }
            });
        });
    }

    private static IOperation Unwrap(IOperation operation)
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

    /// <summary>
    /// Null when the call needs no token; the optional parameter's name when it was left at its default;
    /// "" when an overload with one more trailing CancellationToken exists.
    /// </summary>
    private static string? Missing(IInvocationOperation invocation, KnownSymbols symbols)
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
}
