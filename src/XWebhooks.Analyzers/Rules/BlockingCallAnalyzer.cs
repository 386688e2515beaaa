using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace XWebhooks.Analyzers;

/// <summary>
/// XWH100: a blocking call inside an <c>[XWebhookHandler]</c> method (or a lambda or local function in it).
/// Calls that block further down the call chain are XWH101 (<see cref="IndirectBlockingCallAnalyzer"/>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BlockingCallAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.BlockingCall);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var symbols = KnownSymbols.For(start.Compilation);
            if (symbols.HandlerAttribute is null || symbols.Task is null)
            {
                return;
            }

            var blocking = new BlockingCalls(symbols);
            start.RegisterOperationBlockStartAction(block =>
            {
                if (block.OwningSymbol is not IMethodSymbol method || !symbols.IsHandler(MethodIdentity.Normalize(method)))
                {
                    return;
                }

                var token = symbols.GetTokenParameter(method);
                block.RegisterOperationAction(
                    c =>
                    {
                        if (blocking.Classify(c.Operation) is { } call)
                        {
                            Report(c, method, token, call);
                        }
                    },
                    OperationKind.Invocation,
                    OperationKind.PropertyReference);
            });
        });
    }

    private static void Report(OperationAnalysisContext context, IMethodSymbol handler, IParameterSymbol? token, BlockingCall call)
    {
        var properties = ImmutableDictionary<string, string?>.Empty;
        if (call.FixKind is not null)
        {
            properties = properties.Add(BlockingFixKinds.PropertyName, call.FixKind);
            if (token is not null)
            {
                properties = properties.Add(BlockingFixKinds.TokenPropertyName, token.Name);
            }
        }

        var budget = KnownSymbols.GetBudgetSeconds(context.Options, context.Operation.Syntax.SyntaxTree);
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.BlockingCall,
            context.Operation.Syntax.GetLocation(),
            properties,
            call.Display,
            handler.Name,
            KnownSymbols.Format(budget),
            call.Advice));
    }
}
