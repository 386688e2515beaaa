using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace XWebhooks.Analyzers;

/// <summary>
/// XWH112: a hand-rolled CRC answer that HMACs the <c>crc_token</c> (a <c>Query["crc_token"]</c> read, or a parameter
/// or local named like crc/crcToken/crc_token, or derived from one) while nothing in the same method validates it
/// (XCrc.IsValidToken, or any IsValid*/Validate*/IsMatch call on it). XCrc.ComputeResponseToken validates by itself.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CrcTokenAnalyzer : DiagnosticAnalyzer
{
    private const string TokenName = "crc_token";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.UnvalidatedCrcToken);

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

            start.RegisterOperationBlockAction(block => Analyze(block, symbols));
        });
    }

    private static void Analyze(OperationBlockAnalysisContext context, KnownSymbols symbols)
    {
        var operations = context.OperationBlocks.SelectMany(b => b.DescendantsAndSelf()).ToList();
        var sinks = operations.OfType<IInvocationOperation>().Where(i => IsHmacSink(i, symbols)).ToList();
        if (sinks.Count == 0)
        {
            return;
        }

        // Symbols that hold the CRC token: crc-named parameters and locals, and locals initialised from one.
        var crc = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var operation in operations)
        {
            switch (operation)
            {
                case IParameterReferenceOperation p when IsCrcName(p.Parameter.Name):
                    crc.Add(p.Parameter);
                    break;
                case IVariableDeclaratorOperation d when IsCrcName(d.Symbol.Name):
                    crc.Add(d.Symbol);
                    break;
            }
        }

        foreach (var declarator in operations.OfType<IVariableDeclaratorOperation>())
        {
            if (declarator.GetVariableInitializer()?.Value is { } value && DerivesFromCrc(value, crc))
            {
                crc.Add(declarator.Symbol);
            }
        }

        var validated = operations.OfType<IInvocationOperation>().Any(i => IsValidation(i, symbols) && i.Arguments.Any(a => DerivesFromCrc(a.Value, crc)));
        if (validated)
        {
            return;
        }

        foreach (var sink in sinks)
        {
            var data = sink.Arguments.FirstOrDefault(a => a.Parameter?.Name != "key" && DerivesFromCrc(a.Value, crc));
            if (data is null)
            {
                continue;
            }

            var name = data.Value.DescendantsAndSelf().Select(Referenced).FirstOrDefault(s => s is not null && crc.Contains(s))?.Name ?? TokenName;
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.UnvalidatedCrcToken,
                sink.Syntax.GetLocation(),
                (sink.Instance?.Type ?? sink.TargetMethod.ContainingType).Name + "." + sink.TargetMethod.Name,
                name));
        }
    }

    private static bool IsCrcName(string name) => name.IndexOf("crc", StringComparison.OrdinalIgnoreCase) >= 0;

    private static ISymbol? Referenced(IOperation operation) => operation switch
    {
        ILocalReferenceOperation l => l.Local,
        IParameterReferenceOperation p => p.Parameter,
        _ => null,
    };

    private static bool DerivesFromCrc(IOperation value, HashSet<ISymbol> crc) =>
        value.DescendantsAndSelf().Any(o =>
            (Referenced(o) is { } s && crc.Contains(s))
            || (o is IPropertyReferenceOperation { Property.IsIndexer: true } indexer
                && indexer.Arguments.Any(a => a.Value.ConstantValue is { HasValue: true, Value: string key } && string.Equals(key, TokenName, StringComparison.OrdinalIgnoreCase))));

    private static bool IsHmacSink(IInvocationOperation invocation, KnownSymbols symbols)
    {
        var method = invocation.TargetMethod;
        var type = method.ContainingType;
        if (type is null)
        {
            return false;
        }

        if (KnownSymbols.Is(type, symbols.XWebhookSignature))
        {
            return method.Name is "Compute" or "Format";
        }

        if (method.Name is "ComputeHash" or "TryComputeHash" && invocation.Instance?.Type is { } instanceType)
        {
            // Declared on HashAlgorithm; keyed when the receiver is an HMAC / KeyedHashAlgorithm.
            type = (INamedTypeSymbol)instanceType;
        }

        if (type.ContainingNamespace?.ToDisplayString() != "System.Security.Cryptography")
        {
            return false;
        }

        for (var t = type; t is not null; t = t.BaseType)
        {
            if (t.Name is "HMAC" or "KeyedHashAlgorithm" || t.Name.StartsWith("HMAC", StringComparison.Ordinal) || t.Name == "IncrementalHash")
            {
                return method.Name is "HashData" or "TryHashData" or "ComputeHash" or "TryComputeHash" or "AppendData";
            }
        }

        return false;
    }

    private static bool IsValidation(IInvocationOperation invocation, KnownSymbols symbols)
    {
        var name = invocation.TargetMethod.Name;
        return (KnownSymbols.Is(invocation.TargetMethod.ContainingType, symbols.XCrc) && name == "IsValidToken")
            || name.StartsWith("IsValid", StringComparison.Ordinal)
            || name.StartsWith("Validate", StringComparison.Ordinal)
            || name.StartsWith("TryValidate", StringComparison.Ordinal)
            || name == "IsMatch";
    }
}
