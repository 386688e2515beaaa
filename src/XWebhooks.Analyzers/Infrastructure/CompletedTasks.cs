using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace XWebhooks.Analyzers;

/// <summary>
/// Recognises tasks that are already complete when their Result is read, as vs-threading does:
/// a task awaited earlier (directly or through <c>await Task.WhenAll(...)</c>), the result of
/// <c>await Task.WhenAny(...)</c>, a task whose IsCompleted* was checked, and the antecedent inside
/// a <c>ContinueWith</c> callback.
/// </summary>
internal static class CompletedTasks
{
    public static bool IsKnownCompleted(IOperation taskExpression, IOperation use)
    {
        var task = Unwrap(taskExpression);
        ISymbol? symbol;
        switch (task)
        {
            case ILocalReferenceOperation local:
                symbol = local.Local;
                break;
            case IParameterReferenceOperation parameter:
                if (IsContinueWithAntecedent(parameter.Parameter))
                {
                    return true;
                }

                symbol = parameter.Parameter;
                break;
            case IFieldReferenceOperation field:
                symbol = field.Field;
                break;
            case IArrayElementReferenceOperation element when Unwrap(element.ArrayReference) is ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation:
                symbol = ReferencedSymbol(Unwrap(element.ArrayReference));
                break;
            default:
                return false;
        }

        if (symbol is null)
        {
            return false;
        }

        var root = use;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        var position = use.Syntax.SpanStart;
        foreach (var operation in root.DescendantsAndSelf())
        {
            if (operation.Syntax.SpanStart >= position)
            {
                continue;
            }

            switch (operation)
            {
                case IAwaitOperation awaitOperation when Awaits(awaitOperation.Operation, symbol):
                    return true;
                case IPropertyReferenceOperation { Property.Name: "IsCompleted" or "IsCompletedSuccessfully" or "IsFaulted" or "IsCanceled" or "Status" } check
                    when check.Instance is not null && SymbolEqualityComparer.Default.Equals(ReferencedSymbol(Unwrap(check.Instance)), symbol):
                    return true;
                case IVariableDeclaratorOperation declarator
                    when SymbolEqualityComparer.Default.Equals(declarator.Symbol, symbol)
                    && declarator.GetVariableInitializer()?.Value is IAwaitOperation { Operation: IInvocationOperation { TargetMethod.Name: "WhenAny" } }:
                    return true;
            }
        }

        return false;
    }

    private static bool Awaits(IOperation awaited, ISymbol symbol)
    {
        awaited = Unwrap(awaited);
        if (awaited is IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Instance: { } configured })
        {
            awaited = Unwrap(configured);
        }

        if (SymbolEqualityComparer.Default.Equals(ReferencedSymbol(awaited), symbol))
        {
            return true;
        }

        return awaited is IInvocationOperation { TargetMethod.Name: "WhenAll", TargetMethod.ContainingType.Name: "Task" } whenAll
            && whenAll.Arguments.Any(a => a.Value.DescendantsAndSelf().Any(d => SymbolEqualityComparer.Default.Equals(ReferencedSymbol(d), symbol)));
    }

    private static bool IsContinueWithAntecedent(IParameterSymbol parameter) =>
        parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } lambda
        && lambda.Parameters.Length > 0
        && SymbolEqualityComparer.Default.Equals(lambda.Parameters[0], parameter)
        && lambda.DeclaringSyntaxReferences.Length > 0
        && IsArgumentOfContinueWith(lambda);

    private static bool IsArgumentOfContinueWith(IMethodSymbol lambda)
    {
        // lambda -> Argument -> ArgumentList -> Invocation of *.ContinueWith(...)
        var syntax = lambda.DeclaringSyntaxReferences[0].GetSyntax();
        return syntax.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } }
            && invocation.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ContinueWith" };
    }

    private static ISymbol? ReferencedSymbol(IOperation operation) => operation switch
    {
        ILocalReferenceOperation l => l.Local,
        IParameterReferenceOperation p => p.Parameter,
        IFieldReferenceOperation f => f.Field,
        _ => null,
    };

    private static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }
}
