using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace XWebhooks.Analyzers.CodeFixes;

internal static class CodeFixHelpers
{
    /// <summary>True when <paramref name="node"/> sits in an async method, local function or lambda where 'await' is legal.</summary>
    public static bool IsInAsyncContext(SyntaxNode node)
    {
        foreach (var ancestor in node.Ancestors())
        {
            switch (ancestor)
            {
                case LockStatementSyntax:
                case QueryExpressionSyntax:
                    return false;
                case AnonymousFunctionExpressionSyntax lambda:
                    return lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword);
                case LocalFunctionStatementSyntax local:
                    return local.Modifiers.Any(SyntaxKind.AsyncKeyword);
                case MethodDeclarationSyntax method:
                    return method.Modifiers.Any(SyntaxKind.AsyncKeyword);
                case BaseMethodDeclarationSyntax or AccessorDeclarationSyntax:
                    return false;
            }
        }

        return false;
    }

    /// <summary>Wraps an expression that replaces <paramref name="original"/> in parentheses when its parent binds tighter.</summary>
    public static ExpressionSyntax ParenthesizeIfNeeded(ExpressionSyntax replacement, SyntaxNode original) =>
        original.Parent switch
        {
            MemberAccessExpressionSyntax member when member.Expression == original => SyntaxFactory.ParenthesizedExpression(replacement),
            ConditionalAccessExpressionSyntax conditional when conditional.Expression == original => SyntaxFactory.ParenthesizedExpression(replacement),
            ElementAccessExpressionSyntax element when element.Expression == original => SyntaxFactory.ParenthesizedExpression(replacement),
            InvocationExpressionSyntax invocation when invocation.Expression == original => SyntaxFactory.ParenthesizedExpression(replacement),
            PostfixUnaryExpressionSyntax => SyntaxFactory.ParenthesizedExpression(replacement),
            _ => replacement,
        };

    public static AwaitExpressionSyntax Await(ExpressionSyntax awaited) =>
        SyntaxFactory.AwaitExpression(awaited.WithoutTrivia());
}
