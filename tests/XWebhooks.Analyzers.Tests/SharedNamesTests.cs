using Microsoft.CodeAnalysis.CSharp;
using XWebhooks.Hosting;
using XWebhooks.Shared;

namespace XWebhooks.Analyzers.Tests;

/// <summary>
/// src/Shared (compiled into the generator and the analyzers) against the runtime it describes: the Roslyn components
/// cannot reference the runtime, so these tests are what keeps them from drifting apart.
/// </summary>
public class SharedNamesTests
{
    [Fact]
    public void The_response_limit_is_the_runtime_maximum_budget()
    {
        Assert.Equal(XWebhooksOptions.MaxResponseBudget, TimeSpan.FromSeconds(XWebhooksNames.XResponseLimitSeconds));
    }

    [Fact]
    public void The_handler_attribute_name_is_the_runtime_attribute()
    {
        Assert.Equal(XWebhooksNames.HandlerAttribute, typeof(XWebhookHandlerAttribute).FullName);
    }

    [Fact]
    public void Known_symbols_are_resolved_once_per_compilation_and_find_the_runtime_types()
    {
        var compilation = CSharpCompilation.Create("Shared", references: TestReferences.All);

        var symbols = KnownSymbols.For(compilation);

        Assert.Same(symbols, KnownSymbols.For(compilation));
        Assert.NotSame(symbols, KnownSymbols.For(compilation.WithAssemblyName("Other")));
        Assert.Equal(XWebhooksNames.HandlerAttribute, symbols.HandlerAttribute?.ToDisplayString());
        Assert.Equal(typeof(XWebhooksOptions).FullName, symbols.XWebhooksOptions?.ToDisplayString());
        Assert.Equal(typeof(XWebhooks.Security.XSignatureVerifier).FullName, symbols.XSignatureVerifier?.ToDisplayString());
        Assert.Equal(typeof(XWebhooks.Security.XWebhookSignature).FullName, symbols.XWebhookSignature?.ToDisplayString());
        Assert.Equal(typeof(XWebhooks.Security.XCrc).FullName, symbols.XCrc?.ToDisplayString());
        Assert.Equal(typeof(XWebhooks.Delivery.IXWebhookDispatcher).FullName, symbols.Dispatcher?.ToDisplayString());
    }
}
