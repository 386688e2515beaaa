using XWebhooks.Management;
using XWebhooks.Testing;

namespace XWebhooks.Tests.Architecture;

/// <summary>What each shipped part may depend on (docs/architecture.md).</summary>
public sealed class DependencyRulesTests
{
    private static readonly string[] ShippedLibraries = ["XWebhooks.Runtime", "XWebhooks.Management", "XWebhooks.Testing", "XWebhooks.Sqlite", "XWebhooks.Redis"];

    [Fact]
    public void The_receiving_core_references_neither_management_nor_testing()
    {
        var core = typeof(XWebhookHandlerAttribute).Assembly;
        Assert.Equal("XWebhooks", core.GetName().Name);
        var references = core.GetReferencedAssemblies().Select(a => a.Name).ToList();
        Assert.DoesNotContain("XWebhooks.Management", references);
        Assert.DoesNotContain("XWebhooks.Testing", references);
        Assert.Contains("Microsoft.AspNetCore.Http.Abstractions", references);
    }

    [Fact]
    public void Management_and_testing_build_on_the_core_and_not_on_each_other()
    {
        var management = typeof(XWebhooksClient).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();
        var testing = typeof(XWebhookTestKit).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();
        Assert.Contains("XWebhooks", management);
        Assert.DoesNotContain("XWebhooks.Testing", management);
        Assert.Contains("XWebhooks", testing);
        Assert.DoesNotContain("XWebhooks.Management", testing);
    }

    [Fact]
    public void Shipped_namespaces_form_no_cycle()
    {
        var graph = NamespaceGraph.Read(ShippedLibraries);

        var cycle = NamespaceGraph.FindCycle(graph);

        Assert.True(cycle is null, $"Namespace cycle: {string.Join(" -> ", cycle ?? [])}");
    }

    [Fact]
    public void The_graph_sees_the_dependencies_the_rules_are_about()
    {
        // Guards the test above against passing on an empty or misread graph.
        var graph = NamespaceGraph.Read(ShippedLibraries);

        Assert.Contains("XWebhooks.Delivery", graph["XWebhooks.Hosting"]);
        Assert.Contains("XWebhooks.Delivery", graph["XWebhooks.Inbox"]);
        Assert.Contains(NamespaceGraph.Model, graph["XWebhooks.Delivery"]);
        Assert.Contains("XWebhooks.Management", graph["XWebhooks.Recovery"]);
        Assert.Contains("XWebhooks.Hosting", graph["XWebhooks.Health"]);
        Assert.Equal(["A", "B", "C", "A"], NamespaceGraph.FindCycle(new() { ["A"] = ["B"], ["B"] = ["C"], ["C"] = ["A"] }));
    }
}
