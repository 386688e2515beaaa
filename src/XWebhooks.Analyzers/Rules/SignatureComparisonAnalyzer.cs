using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace XWebhooks.Analyzers;

/// <summary>
/// XWH110: <c>==</c>, <c>!=</c>, <c>string.Equals</c>, <c>Equals</c> or <c>SequenceEqual</c> where one side is a
/// signature or HMAC: a variable, field or property whose name contains "signature", "hmac" or "digest"; the
/// result of an HMAC computation or <c>XWebhookSignature.Compute</c>; or a signature header read by name
/// (x-twitter-webhooks-signature, or x-twitter-webhooks-signature-oauth2 keyed with the OAuth 2.0 client secret).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SignatureComparisonAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property: "String" or "Bytes" (operand kind for the fix), absent when not fixable.</summary>
    public const string KindProperty = "Kind";

    /// <summary>Diagnostic property: "true" for <c>!=</c>.</summary>
    public const string NegateProperty = "Negate";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.NonConstantTimeComparison);

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

            start.RegisterOperationAction(c => AnalyzeBinary(c, symbols), OperationKind.Binary);
            start.RegisterOperationAction(c => AnalyzeInvocation(c, symbols), OperationKind.Invocation);
        });
    }

    private static void AnalyzeBinary(OperationAnalysisContext context, KnownSymbols symbols)
    {
        var binary = (IBinaryOperation)context.Operation;
        if (binary.OperatorKind is not (BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals)
            || !(IsText(binary.LeftOperand.Type) || IsText(binary.RightOperand.Type))
            || IsNull(binary.LeftOperand) || IsNull(binary.RightOperand))
        {
            return;
        }

        if (IsSignature(binary.LeftOperand, symbols) || IsSignature(binary.RightOperand, symbols))
        {
            Report(context, binary.OperatorKind == BinaryOperatorKind.Equals ? "==" : "!=", "String", binary.OperatorKind == BinaryOperatorKind.NotEquals);
        }
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, KnownSymbols symbols)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        IOperation? left;
        IOperation? right;
        string display;
        if (method.Name == "Equals" && method.ContainingType.SpecialType == SpecialType.System_String)
        {
            display = method.IsStatic ? "string.Equals" : "Equals";
            (left, right) = method.IsStatic
                ? (invocation.Arguments.ElementAtOrDefault(0)?.Value, invocation.Arguments.ElementAtOrDefault(1)?.Value)
                : (invocation.Instance, invocation.Arguments.ElementAtOrDefault(0)?.Value);
        }
        else if (method.Name == "SequenceEqual" && method.ContainingType.Name is "Enumerable" or "MemoryExtensions")
        {
            display = "SequenceEqual";
            (left, right) = (invocation.Arguments.ElementAtOrDefault(0)?.Value, invocation.Arguments.ElementAtOrDefault(1)?.Value);
        }
        else
        {
            return;
        }

        if (left is null || right is null || IsNull(left) || IsNull(right))
        {
            return;
        }

        if (IsSignature(left, symbols) || IsSignature(right, symbols))
        {
            var kind = IsString(left.Type) && IsString(right.Type) ? "String"
                : IsBytes(Unwrap(left).Type) && IsBytes(Unwrap(right).Type) ? "Bytes"
                : null;
            Report(context, display, kind, negate: false);
        }
    }

    private static void Report(OperationAnalysisContext context, string display, string? kind, bool negate)
    {
        var properties = ImmutableDictionary<string, string?>.Empty;
        if (kind is not null)
        {
            properties = properties.Add(KindProperty, kind).Add(NegateProperty, negate ? "true" : "false");
        }

        context.ReportDiagnostic(Diagnostic.Create(Descriptors.NonConstantTimeComparison, context.Operation.Syntax.GetLocation(), properties, display));
    }

    private static bool IsString(ITypeSymbol? type) => type?.SpecialType == SpecialType.System_String;

    // A string, or the StringValues that ASP.NET Core header and query indexers return (compared with its own ==).
    private static bool IsText(ITypeSymbol? type) =>
        IsString(type)
        || (type is INamedTypeSymbol { Name: "StringValues" } named && named.ContainingNamespace?.ToDisplayString() == "Microsoft.Extensions.Primitives");

    private static bool IsBytes(ITypeSymbol? type) => type switch
    {
        IArrayTypeSymbol array => array.ElementType.SpecialType == SpecialType.System_Byte,
        INamedTypeSymbol { Name: "Span" or "ReadOnlySpan", TypeArguments.Length: 1 } span => span.TypeArguments[0].SpecialType == SpecialType.System_Byte,
        _ => false,
    };

    private static bool IsNull(IOperation operation) => operation.ConstantValue is { HasValue: true, Value: null };

    private static bool IsSignatureHeaderName(string name) =>
        string.Equals(name, "x-twitter-webhooks-signature", StringComparison.OrdinalIgnoreCase)
        || string.Equals(name, "x-twitter-webhooks-signature-oauth2", StringComparison.OrdinalIgnoreCase);

    private static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    private static bool IsSignature(IOperation operation, KnownSymbols symbols, int depth = 0)
    {
        operation = Unwrap(operation);
        switch (operation)
        {
            case ILocalReferenceOperation local:
                return HasSignatureName(local.Local.Name)
                    || (depth == 0 && local.Local.DeclaringSyntaxReferences.Length > 0 && InitializerIsSignature(local, symbols));
            case IParameterReferenceOperation parameter:
                return HasSignatureName(parameter.Parameter.Name);
            case IFieldReferenceOperation field:
                return HasSignatureName(field.Field.Name) && !field.Field.IsConst;
            case IPropertyReferenceOperation property:
                if (property.Property.IsIndexer)
                {
                    return property.Arguments.Any(a => a.Value.ConstantValue is { HasValue: true, Value: string key } && IsSignatureHeaderName(key));
                }

                return HasSignatureName(property.Property.Name);
            case IInvocationOperation invocation:
                var method = invocation.TargetMethod;
                if (KnownSymbols.Is(method.ContainingType, symbols.XWebhookSignature) && method.Name == "Compute")
                {
                    return true;
                }

                if (method.ContainingType?.ContainingNamespace?.ToDisplayString() == "System.Security.Cryptography"
                    && (method.ContainingType.Name.StartsWith("HMAC", StringComparison.Ordinal) || method.ContainingType.Name == "IncrementalHash"))
                {
                    return true;
                }

                // Convert.ToBase64String(hmac), sig.ToString(), etc.: look through one level of wrapping.
                return depth < 3
                    && (invocation.Instance is { } instance && IsSignature(instance, symbols, depth + 1)
                        || invocation.Arguments.Any(a => IsSignature(a.Value, symbols, depth + 1)));
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concat:
                return depth < 3 && (IsSignature(concat.LeftOperand, symbols, depth + 1) || IsSignature(concat.RightOperand, symbols, depth + 1));
            case IInterpolatedStringOperation interpolated:
                return depth < 3 && interpolated.Parts.OfType<IInterpolationOperation>().Any(p => IsSignature(p.Expression, symbols, depth + 1));
        }

        return false;
    }

    private static bool InitializerIsSignature(ILocalReferenceOperation local, KnownSymbols symbols)
    {
        var root = (IOperation)local;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        var declarator = root.Descendants().OfType<IVariableDeclaratorOperation>()
            .FirstOrDefault(d => SymbolEqualityComparer.Default.Equals(d.Symbol, local.Local));
        return declarator?.GetVariableInitializer()?.Value is { } value && IsSignature(value, symbols, depth: 1);
    }

    private static bool HasSignatureName(string name) =>
        name.IndexOf("signature", StringComparison.OrdinalIgnoreCase) >= 0
        || name.IndexOf("hmac", StringComparison.OrdinalIgnoreCase) >= 0
        || name.IndexOf("digest", StringComparison.OrdinalIgnoreCase) >= 0;
}
