using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace XWebhooks.Analyzers.CodeFixes;

/// <summary>
/// XWH103: pass the handler's token (appended, or as a named argument for an optional parameter).
/// XWH104: add a <c>CancellationToken cancellationToken</c> parameter to the handler.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CancellationTokenCodeFixProvider)), Shared]
public sealed class CancellationTokenCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleIds.ForwardCancellationToken, RuleIds.HandlerWithoutCancellationToken);

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
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (diagnostic.Id == RuleIds.ForwardCancellationToken
                && node.FirstAncestorOrSelf<InvocationExpressionSyntax>() is { } invocation
                && diagnostic.Properties.TryGetValue(ForwardCancellationTokenAnalyzer.TokenProperty, out var token) && token is not null)
            {
                diagnostic.Properties.TryGetValue(ForwardCancellationTokenAnalyzer.ParameterProperty, out var parameter);
                var argument = SyntaxFactory.Argument(SyntaxFactory.IdentifierName(token));
                if (parameter is not null)
                {
                    argument = argument.WithNameColon(SyntaxFactory.NameColon(parameter));
                }

                var updated = invocation.WithArgumentList(invocation.ArgumentList.AddArguments(argument));
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Pass '{token}'",
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(invocation, updated))),
                        equivalenceKey: nameof(RuleIds.ForwardCancellationToken)),
                    diagnostic);
            }
            else if (diagnostic.Id == RuleIds.HandlerWithoutCancellationToken
                && node.FirstAncestorOrSelf<MethodDeclarationSyntax>() is { } method)
            {
                var parameter = SyntaxFactory.Parameter(SyntaxFactory.Identifier("cancellationToken"))
                    .WithType(SyntaxFactory.ParseTypeName("global::System.Threading.CancellationToken").WithAdditionalAnnotations(Simplifier.Annotation));
                var updated = method.WithParameterList(method.ParameterList.AddParameters(parameter));
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Add a CancellationToken parameter",
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(method, updated))),
                        equivalenceKey: nameof(RuleIds.HandlerWithoutCancellationToken)),
                    diagnostic);
            }
        }
    }
}
