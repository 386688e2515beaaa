using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace XWebhooks.Analyzers;

/// <summary>
/// XWH103: inside a handler that takes a CancellationToken, an awaitable call that could take the token but does not
/// (an optional token parameter left at its default, or an overload with one more CancellationToken parameter).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ForwardCancellationTokenAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property: the handler's token parameter name.</summary>
    public const string TokenProperty = "Token";

    /// <summary>Diagnostic property: set to the parameter name when the token goes to an optional parameter (named argument).</summary>
    public const string ParameterProperty = "Parameter";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.ForwardCancellationToken);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var symbols = KnownSymbols.For(start.Compilation);
            if (symbols.HandlerAttribute is null || symbols.CancellationToken is null)
            {
                return;
            }

            start.RegisterOperationBlockAction(block => Analyze(block, symbols));
        });
    }

    private static void Analyze(OperationBlockAnalysisContext block, KnownSymbols symbols)
    {
        if (block.OwningSymbol is not IMethodSymbol handler || !symbols.IsHandler(handler) || symbols.GetTokenParameter(handler) is not { } token)
        {
            return;
        }

        foreach (var invocation in block.OperationBlocks.SelectMany(b => b.DescendantsAndSelf()).OfType<IInvocationOperation>())
        {
            if (CancellableCalls.MissingToken(invocation, symbols) is not { } missing)
            {
                continue;
            }

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
}
