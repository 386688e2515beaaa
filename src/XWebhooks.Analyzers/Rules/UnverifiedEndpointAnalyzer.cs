using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace XWebhooks.Analyzers;

/// <summary>
/// XWH113: a hand-written POST endpoint (a <c>MapPost</c> delegate or an <c>[HttpPost]</c> action) that handles X
/// webhook deliveries (calls <c>IXWebhookDispatcher</c>, uses <c>XWebhooks.Delivery</c> types, or binds/deserializes
/// X event types or <c>XDelivery</c>) but never verifies the signature (XWebhookSignature.Verify,
/// XSignatureVerifier.Verify, CryptographicOperations.FixedTimeEquals, or a call to a method named *Verify*/*Signature*).
/// Endpoints with an endpoint filter are left alone: the filter may verify.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnverifiedEndpointAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.UnverifiedEndpoint);

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

            start.RegisterOperationAction(c => AnalyzeMapPost(c, symbols), OperationKind.Invocation);
            if (symbols.HttpPostAttribute is { } httpPost)
            {
                start.RegisterOperationBlockAction(c => AnalyzeAction(c, symbols, httpPost));
            }
        });
    }

    private static void AnalyzeMapPost(OperationAnalysisContext context, KnownSymbols symbols)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (method.Name != "MapPost" || method.ContainingNamespace?.ToDisplayString() != "Microsoft.AspNetCore.Builder" || invocation.Arguments.Length < 3)
        {
            return;
        }

        if (invocation.Parent is IInvocationOperation { TargetMethod.Name: var next } && next.StartsWith("AddEndpointFilter", StringComparison.Ordinal))
        {
            return;
        }

        var handler = invocation.Arguments[invocation.Arguments.Length - 1].Value;
        while (handler is IConversionOperation or IDelegateCreationOperation)
        {
            handler = handler is IConversionOperation c ? c.Operand : ((IDelegateCreationOperation)handler).Target;
        }

        IOperation? body = null;
        IMethodSymbol? target = null;
        switch (handler)
        {
            case IAnonymousFunctionOperation lambda:
                body = lambda.Body;
                target = lambda.Symbol;
                break;
            case IMethodReferenceOperation reference:
                target = reference.Method;
                var syntax = target.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(context.CancellationToken);
                if (syntax is not null && syntax.SyntaxTree == invocation.Syntax.SyntaxTree && invocation.SemanticModel is { } model)
                {
                    body = model.GetOperation(syntax, context.CancellationToken);
                }

                break;
        }

        if (target is null || !HandlesXDeliveries(target, body, symbols) || Verifies(body, symbols))
        {
            return;
        }

        var route = invocation.Arguments[1].Value.ConstantValue is { HasValue: true, Value: string pattern } ? pattern : "MapPost";
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.UnverifiedEndpoint, invocation.Syntax.GetLocation(), route));
    }

    private static void AnalyzeAction(OperationBlockAnalysisContext context, KnownSymbols symbols, INamedTypeSymbol httpPost)
    {
        if (context.OwningSymbol is not IMethodSymbol method
            || !method.GetAttributes().Any(a => KnownSymbols.Is(a.AttributeClass, httpPost))
            || method.Locations.Length == 0)
        {
            return;
        }

        foreach (var block in context.OperationBlocks)
        {
            if (Verifies(block, symbols))
            {
                return;
            }
        }

        if (context.OperationBlocks.Any(b => HandlesXDeliveries(method, b, symbols)))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.UnverifiedEndpoint, method.Locations[0], method.ContainingType.Name + "." + method.Name));
        }
    }

    private static bool HandlesXDeliveries(IMethodSymbol endpoint, IOperation? body, KnownSymbols symbols)
    {
        if (endpoint.Parameters.Any(p => IsXPayloadType(p.Type)))
        {
            return true;
        }

        if (body is null)
        {
            return false;
        }

        foreach (var operation in body.DescendantsAndSelf())
        {
            if (operation is IInvocationOperation invocation)
            {
                var type = invocation.TargetMethod.ContainingType;
                if (KnownSymbols.Is(type, symbols.Dispatcher)
                    || IsXDeliveryNamespace(type)
                    || invocation.TargetMethod.TypeArguments.Any(IsXPayloadType))
                {
                    return true;
                }
            }
            else if (operation is IObjectCreationOperation creation && (IsXDeliveryNamespace(creation.Type) || IsXPayloadType(creation.Type)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Verifies(IOperation? body, KnownSymbols symbols) =>
        body is not null
        && body.DescendantsAndSelf().OfType<IInvocationOperation>().Any(i =>
        {
            var method = i.TargetMethod;
            return KnownSymbols.Is(method.ContainingType, symbols.CryptographicOperations) && method.Name == "FixedTimeEquals"
                || method.Name.IndexOf("Verify", StringComparison.OrdinalIgnoreCase) >= 0
                || method.Name.IndexOf("Signature", StringComparison.OrdinalIgnoreCase) >= 0;
        });

    private static bool IsXDeliveryNamespace(ITypeSymbol? type) =>
        type?.ContainingNamespace?.ToDisplayString() == "XWebhooks.Delivery";

    private static bool IsXPayloadType(ITypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        var ns = type.ContainingNamespace?.ToDisplayString() ?? string.Empty;
        return ns.StartsWith("XWebhooks.Events", StringComparison.Ordinal)
            || (ns == "XWebhooks" && type.Name == "XDelivery");
    }
}
