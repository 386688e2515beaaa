using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using XWebhooks.Shared;

namespace XWebhooks.Analyzers;

/// <summary>
/// XWH010: <c>XWebhooksOptions.ResponseBudget</c> set in code to a constant above X's 10-second limit (the app would
/// refuse to start).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ResponseBudgetTooLongAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.ResponseBudgetTooLong);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var symbols = KnownSymbols.For(start.Compilation);
            if (symbols.HandlerAttribute is null || symbols.XWebhooksOptions is null)
            {
                return;
            }

            start.RegisterOperationAction(c => AnalyzeAssignment(c, symbols), OperationKind.SimpleAssignment);
        });
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context, KnownSymbols symbols)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is IPropertyReferenceOperation { Property.Name: "ResponseBudget" } property
            && KnownSymbols.Is(property.Property.ContainingType, symbols.XWebhooksOptions)
            && ConstantDuration.Seconds(assignment.Value) is { } seconds
            && seconds > XWebhooksNames.XResponseLimitSeconds)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.ResponseBudgetTooLong, assignment.Value.Syntax.GetLocation(), ConstantDuration.Describe(seconds)));
        }
    }
}
