using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace XWebhooks.Analyzers;

/// <summary>
/// XWH104: an async handler awaits a call that could take a CancellationToken, but the handler declares none to pass.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HandlerWithoutCancellationTokenAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.HandlerWithoutCancellationToken);

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
        if (block.OwningSymbol is not IMethodSymbol handler
            || !symbols.IsHandler(handler)
            || symbols.GetTokenParameter(handler) is not null
            || !symbols.IsAwaitable(handler.ReturnType)
            || handler.Locations.Length == 0)
        {
            return;
        }

        var awaitsCancellable = block.OperationBlocks
            .SelectMany(b => b.DescendantsAndSelf())
            .OfType<IAwaitOperation>()
            .Any(a => CancellableCalls.UnwrapAwaited(a.Operation) is IInvocationOperation awaited && CancellableCalls.MissingToken(awaited, symbols) is not null);
        if (awaitsCancellable)
        {
            var budget = KnownSymbols.GetBudgetSeconds(block.Options, handler.Locations[0].SourceTree);
            block.ReportDiagnostic(Diagnostic.Create(
                Descriptors.HandlerWithoutCancellationToken,
                handler.Locations[0],
                handler.Name,
                KnownSymbols.Format(budget)));
        }
    }
}
