using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using XWebhooks.Shared;

namespace XWebhooks.Analyzers;

/// <summary>
/// The symbols the analyzers need, resolved by metadata name once per compilation and shared by every analyzer
/// (each one asks <see cref="For"/> in its compilation-start action).
/// </summary>
internal sealed class KnownSymbols
{
    private static readonly ConditionalWeakTable<Compilation, KnownSymbols> PerCompilation = new();

    /// <summary>The .editorconfig key that sets the budget XWH100–XWH104 measure against (default: X's limit).</summary>
    public const string BudgetOptionKey = "xwebhooks_budget_seconds";

    private KnownSymbols(Compilation compilation)
    {
        Compilation = compilation;
        HandlerAttribute = compilation.GetTypeByMetadataName(XWebhooksNames.HandlerAttribute);
        Task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
        TaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1");
        ValueTask = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask");
        ValueTaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask`1");
        CancellationToken = compilation.GetTypeByMetadataName("System.Threading.CancellationToken");
        CancellationTokenSource = compilation.GetTypeByMetadataName("System.Threading.CancellationTokenSource");
        Thread = compilation.GetTypeByMetadataName("System.Threading.Thread");
        SemaphoreSlim = compilation.GetTypeByMetadataName("System.Threading.SemaphoreSlim");
        Monitor = compilation.GetTypeByMetadataName("System.Threading.Monitor");
        Timeout = compilation.GetTypeByMetadataName("System.Threading.Timeout");
        TimeSpan = compilation.GetTypeByMetadataName("System.TimeSpan");
        HttpClient = compilation.GetTypeByMetadataName("System.Net.Http.HttpClient");
        Process = compilation.GetTypeByMetadataName("System.Diagnostics.Process");
        Console = compilation.GetTypeByMetadataName("System.Console");
        ObsoleteAttribute = compilation.GetTypeByMetadataName("System.ObsoleteAttribute");
        XWebhooksOptions = compilation.GetTypeByMetadataName("XWebhooks.Hosting.XWebhooksOptions");
        XSignatureVerifier = compilation.GetTypeByMetadataName("XWebhooks.Security.XSignatureVerifier");
        XWebhookSignature = compilation.GetTypeByMetadataName("XWebhooks.Security.XWebhookSignature");
        XCrc = compilation.GetTypeByMetadataName("XWebhooks.Security.XCrc");
        Dispatcher = compilation.GetTypeByMetadataName("XWebhooks.Delivery.IXWebhookDispatcher");
        CryptographicOperations = compilation.GetTypeByMetadataName("System.Security.Cryptography.CryptographicOperations");
        HttpPostAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.HttpPostAttribute");
        InMemoryStreams = ImmutableArray.CreateRange(new[]
        {
            compilation.GetTypeByMetadataName("System.IO.MemoryStream"),
            compilation.GetTypeByMetadataName("System.IO.UnmanagedMemoryStream"),
            compilation.GetTypeByMetadataName("System.IO.StringReader"),
            compilation.GetTypeByMetadataName("System.IO.StringWriter"),
        }.Where(t => t is not null).Select(t => t!));
    }

    public Compilation Compilation { get; }
    public INamedTypeSymbol? HandlerAttribute { get; }
    public INamedTypeSymbol? Task { get; }
    public INamedTypeSymbol? TaskOfT { get; }
    public INamedTypeSymbol? ValueTask { get; }
    public INamedTypeSymbol? ValueTaskOfT { get; }
    public INamedTypeSymbol? CancellationToken { get; }
    public INamedTypeSymbol? CancellationTokenSource { get; }
    public INamedTypeSymbol? Thread { get; }
    public INamedTypeSymbol? SemaphoreSlim { get; }
    public INamedTypeSymbol? Monitor { get; }
    public INamedTypeSymbol? Timeout { get; }
    public INamedTypeSymbol? TimeSpan { get; }
    public INamedTypeSymbol? HttpClient { get; }
    public INamedTypeSymbol? Process { get; }
    public INamedTypeSymbol? Console { get; }
    public INamedTypeSymbol? ObsoleteAttribute { get; }
    public INamedTypeSymbol? XWebhooksOptions { get; }
    public INamedTypeSymbol? XSignatureVerifier { get; }
    public INamedTypeSymbol? XWebhookSignature { get; }
    public INamedTypeSymbol? XCrc { get; }
    public INamedTypeSymbol? Dispatcher { get; }
    public INamedTypeSymbol? CryptographicOperations { get; }
    public INamedTypeSymbol? HttpPostAttribute { get; }
    public ImmutableArray<INamedTypeSymbol> InMemoryStreams { get; }

    /// <summary>The symbols of <paramref name="compilation"/>, resolved on the first call and shared after it.</summary>
    public static KnownSymbols For(Compilation compilation) => PerCompilation.GetValue(compilation, static c => new KnownSymbols(c));

    public bool IsHandler(ISymbol? symbol) =>
        HandlerAttribute is not null
        && symbol is IMethodSymbol method
        && method.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, HandlerAttribute));

    public bool IsAwaitable(ITypeSymbol? type)
    {
        if (type is not INamedTypeSymbol named)
        {
            return false;
        }

        var definition = named.OriginalDefinition;
        return Is(definition, Task) || Is(definition, TaskOfT) || Is(definition, ValueTask) || Is(definition, ValueTaskOfT)
            || (named.BaseType is { } b && (Is(b.OriginalDefinition, Task) || Is(b.OriginalDefinition, TaskOfT)));
    }

    public bool IsObsolete(ISymbol symbol) =>
        ObsoleteAttribute is not null
        && symbol.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, ObsoleteAttribute));

    public static bool Is(ITypeSymbol? type, ITypeSymbol? expected) =>
        type is not null && expected is not null && SymbolEqualityComparer.Default.Equals(type, expected);

    public static double GetBudgetSeconds(AnalyzerOptions options, SyntaxTree? tree)
    {
        if (tree is not null
            && options.AnalyzerConfigOptionsProvider.GetOptions(tree).TryGetValue(BudgetOptionKey, out var text)
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            && seconds > 0)
        {
            return seconds;
        }

        return XWebhooksNames.XResponseLimitSeconds;
    }

    public static string Format(double seconds) => seconds.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>The handler's CancellationToken parameter, if it declares one.</summary>
    public IParameterSymbol? GetTokenParameter(IMethodSymbol handler) =>
        handler.Parameters.FirstOrDefault(p => Is(p.Type, CancellationToken));
}
