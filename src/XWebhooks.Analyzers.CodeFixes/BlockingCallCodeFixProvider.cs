using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace XWebhooks.Analyzers.CodeFixes;

/// <summary>
/// XWH100: <c>t.Result</c>, <c>t.Wait()</c> and <c>x.GetAwaiter().GetResult()</c> become <c>await</c>;
/// <c>Thread.Sleep(d)</c> becomes <c>await Task.Delay(d, cancellationToken)</c>. Offered only where
/// <c>await</c> is legal (the enclosing method, local function or lambda is async).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(BlockingCallCodeFixProvider)), Shared]
public sealed class BlockingCallCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.BlockingCall);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(BlockingFixKinds.PropertyName, out var kind) || kind is null)
            {
                continue;
            }

            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax node
                || !CodeFixHelpers.IsInAsyncContext(node))
            {
                continue;
            }

            diagnostic.Properties.TryGetValue(BlockingFixKinds.TokenPropertyName, out var token);
            if (Replace(node, kind, token) is not { } replacement)
            {
                continue;
            }

            var title = kind == BlockingFixKinds.Delay ? "Use 'await Task.Delay'" : "Use 'await'";
            context.RegisterCodeFix(
                CodeAction.Create(
                    title,
                    ct => Apply(context.Document, node, replacement, ct),
                    equivalenceKey: title),
                diagnostic);
        }
    }

    private static async Task<Document> Apply(Document document, SyntaxNode node, ExpressionSyntax replacement, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        return root is null ? document : document.WithSyntaxRoot(root.ReplaceNode(node, replacement));
    }

    private static ExpressionSyntax? Replace(ExpressionSyntax node, string kind, string? token)
    {
        ExpressionSyntax? awaited = kind switch
        {
            // t.Result
            BlockingFixKinds.AwaitResult when node is MemberAccessExpressionSyntax member => member.Expression,
            // t.Wait()
            BlockingFixKinds.AwaitWait when node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } => member.Expression,
            // x.GetAwaiter().GetResult()
            BlockingFixKinds.AwaitGetResult when node is InvocationExpressionSyntax
            {
                Expression: MemberAccessExpressionSyntax { Expression: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax getAwaiter } },
            } => getAwaiter.Expression,
            // Thread.Sleep(d)
            BlockingFixKinds.Delay when node is InvocationExpressionSyntax sleep => Delay(sleep, token),
            _ => null,
        };

        if (awaited is null)
        {
            return null;
        }

        ExpressionSyntax result = CodeFixHelpers.Await(awaited);
        result = CodeFixHelpers.ParenthesizeIfNeeded(result, node);
        return result.WithTriviaFrom(node).WithAdditionalAnnotations(Formatter.Annotation);
    }

    private static ExpressionSyntax Delay(InvocationExpressionSyntax sleep, string? token)
    {
        var arguments = sleep.ArgumentList.Arguments;
        if (token is not null)
        {
            arguments = arguments.Add(SyntaxFactory.Argument(SyntaxFactory.IdentifierName(token)));
        }

        var task = SyntaxFactory.ParseExpression("global::System.Threading.Tasks.Task.Delay")
            .WithAdditionalAnnotations(Simplifier.Annotation);
        return SyntaxFactory.InvocationExpression(task, SyntaxFactory.ArgumentList(arguments));
    }
}
