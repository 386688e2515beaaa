using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace XWebhooks.Analyzers;

/// <summary>
/// XWH102: inside <c>[XWebhookHandler]</c> methods, a constant <c>Task.Delay</c>, <c>new CancellationTokenSource(t)</c>,
/// <c>CancelAfter(t)</c> or <c>HttpClient.Timeout = t</c> at or past the response budget
/// (<c>xwebhooks_budget_seconds</c> in .editorconfig, default 10).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DelayPastBudgetAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.DelayPastBudget);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var symbols = KnownSymbols.For(start.Compilation);
            if (symbols.HandlerAttribute is null)
            {
                return;
            }

            start.RegisterOperationBlockStartAction(block =>
            {
                if (!symbols.IsHandler(block.OwningSymbol))
                {
                    return;
                }

                var handler = block.OwningSymbol.Name;
                block.RegisterOperationAction(c => AnalyzeInvocation(c, symbols, handler), OperationKind.Invocation);
                block.RegisterOperationAction(c => AnalyzeCreation(c, symbols, handler), OperationKind.ObjectCreation);
                block.RegisterOperationAction(c => AnalyzeAssignment(c, symbols, handler), OperationKind.SimpleAssignment);
            });
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, KnownSymbols symbols, string handler)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        string what;
        if (method.Name == "Delay" && KnownSymbols.Is(method.ContainingType, symbols.Task))
        {
            what = "Task.Delay";
        }
        else if (method.Name == "CancelAfter" && KnownSymbols.Is(method.ContainingType, symbols.CancellationTokenSource))
        {
            what = "CancelAfter";
        }
        else
        {
            return;
        }

        if (invocation.Arguments.Length > 0)
        {
            Check(context, what, invocation.Arguments[0].Value, handler);
        }
    }

    private static void AnalyzeCreation(OperationAnalysisContext context, KnownSymbols symbols, string handler)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (KnownSymbols.Is(creation.Type, symbols.CancellationTokenSource) && creation.Arguments.Length > 0)
        {
            Check(context, "CancellationTokenSource timeout", creation.Arguments[0].Value, handler);
        }
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context, KnownSymbols symbols, string handler)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is IPropertyReferenceOperation { Property.Name: "Timeout" } property
            && KnownSymbols.Is(property.Property.ContainingType, symbols.HttpClient))
        {
            Check(context, "HttpClient.Timeout", assignment.Value, handler);
        }
    }

    private static void Check(OperationAnalysisContext context, string what, IOperation value, string handler)
    {
        if (ConstantDuration.Seconds(value) is not { } seconds)
        {
            return;
        }

        var budget = KnownSymbols.GetBudgetSeconds(context.Options, value.Syntax.SyntaxTree);
        if (seconds >= budget)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.DelayPastBudget,
                value.Syntax.GetLocation(),
                what,
                ConstantDuration.Describe(seconds),
                handler,
                KnownSymbols.Format(budget)));
        }
    }
}
