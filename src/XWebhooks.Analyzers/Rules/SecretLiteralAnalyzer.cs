using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace XWebhooks.Analyzers;

/// <summary>
/// XWH111: an X app secret written as a string literal (XWebhooksOptions.ConsumerSecret / SecondaryConsumerSecret /
/// OAuth2ClientSecret / SecondaryOAuth2ClientSecret, the XSignatureVerifier constructor, or a configuration key ending
/// in ConsumerSecret or OAuth2ClientSecret).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SecretLiteralAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.SecretLiteral);

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

            start.RegisterOperationAction(c => AnalyzeAssignment(c, symbols), OperationKind.SimpleAssignment);
            start.RegisterOperationAction(c => AnalyzeCreation(c, symbols), OperationKind.ObjectCreation);
        });
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context, KnownSymbols symbols)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation property || !IsSecretLiteral(assignment.Value))
        {
            return;
        }

        if (KnownSymbols.Is(property.Property.ContainingType, symbols.XWebhooksOptions))
        {
            if (property.Property.Name is "ConsumerSecret" or "SecondaryConsumerSecret" or "OAuth2ClientSecret" or "SecondaryOAuth2ClientSecret")
            {
                Report(context, assignment.Value, "XWebhooksOptions." + property.Property.Name);
            }

            return;
        }

        // configuration["XWebhooks:ConsumerSecret"] = "..." / new Dictionary<string, string?> { ["XWebhooks__ConsumerSecret"] = "..." }
        if (property.Property.IsIndexer
            && property.Arguments.Length == 1
            && property.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string key }
            && (key.EndsWith("ConsumerSecret", StringComparison.OrdinalIgnoreCase) || key.EndsWith("OAuth2ClientSecret", StringComparison.OrdinalIgnoreCase)))
        {
            Report(context, assignment.Value, key);
        }
    }

    private static void AnalyzeCreation(OperationAnalysisContext context, KnownSymbols symbols)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (!KnownSymbols.Is(creation.Type, symbols.XSignatureVerifier))
        {
            return;
        }

        foreach (var argument in creation.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.Explicit && IsSecretLiteral(argument.Value))
            {
                Report(context, argument.Value, "new XSignatureVerifier");
            }
        }
    }

    private static bool IsSecretLiteral(IOperation value)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        return value is ILiteralOperation or IFieldReferenceOperation { Field.IsConst: true }
            && value.ConstantValue is { HasValue: true, Value: string { Length: > 0 } };
    }

    private static void Report(OperationAnalysisContext context, IOperation value, string where) =>
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.SecretLiteral, value.Syntax.GetLocation(), where));
}
