using Microsoft.CodeAnalysis;
using XWebhooks.Generators.Diagnostics;
using XWebhooks.Generators.Model;
using XWebhooks.Generators.Parsing;
using XWebhooks.Generators.Tests.Infrastructure;

namespace XWebhooks.Generators.Tests;

/// <summary>
/// The pieces every parse relies on: equatable arrays that own their items, symbols resolved once per compilation,
/// and a descriptor look-up that refuses IDs it does not know.
/// </summary>
public sealed class SharedModelPiecesTests
{
    [Fact]
    public void EquatableArray_copies_its_input_so_a_later_write_to_the_source_array_does_not_reach_the_model()
    {
        var kinds = new[] { new EventKindModel(0, "post.create"), new EventKindModel(0, "post.created") };
        var model = new EventModel("global::Bot.Events.PostCreated", new EquatableArray<EventKindModel>(kinds));
        var snapshot = new EventModel("global::Bot.Events.PostCreated", new EquatableArray<EventKindModel>([new EventKindModel(0, "post.create"), new EventKindModel(0, "post.created")]));
        var hashBefore = model.GetHashCode();

        kinds[1] = new EventKindModel(1, "tweet_create_events");

        Assert.Equal("post.created", model.Kinds[1].Name);
        Assert.Equal(snapshot, model);
        Assert.Equal(hashBefore, model.GetHashCode());
    }

    [Fact]
    public void EquatableArray_copies_an_enumerable_input_too()
    {
        var source = new List<string> { "a", "b" };
        var array = source.ToEquatableArray();

        source[0] = "changed";
        source.Add("c");

        Assert.Equal(new[] { "a", "b" }, array.ToArray());
    }

    [Fact]
    public void EquatableArray_only_takes_elements_that_compare_by_value()
    {
        var parameter = typeof(EquatableArray<>).GetGenericArguments()[0];

        var constraint = Assert.Single(parameter.GetGenericParameterConstraints());
        Assert.Equal(typeof(IEquatable<>).MakeGenericType(parameter), constraint);
    }

    [Fact]
    public void Known_symbols_are_resolved_once_per_compilation()
    {
        var compilation = GeneratorHarness.Compile(TestSources.BotFiles);
        var edited = compilation.AddSyntaxTrees(Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("class Unrelated { }", GeneratorHarness.ParseOptions));

        var first = KnownSymbols.For(compilation);

        Assert.Same(first, KnownSymbols.For(compilation));
        Assert.True(first.IsComplete);
        Assert.NotSame(first, KnownSymbols.For(edited));
        Assert.True(SymbolEqualityComparer.Default.Equals(compilation.GetTypeByMetadataName("XWebhooks.XDelivery"), first.Delivery));
    }

    [Fact]
    public void Known_symbols_report_a_compilation_without_the_runtime_as_incomplete()
    {
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("NoRuntime", references: Basic.Reference.Assemblies.Net100.References.All);

        var symbols = KnownSymbols.For(compilation);

        Assert.False(symbols.IsComplete);
        Assert.Null(symbols.Delivery);
    }

    [Fact]
    public void Descriptor_look_up_returns_each_descriptor_by_its_id()
    {
        Assert.All(DiagnosticDescriptors.Descriptors, descriptor => Assert.Same(descriptor, DiagnosticDescriptors.ById(descriptor.Id)));
    }

    [Fact]
    public void Descriptor_look_up_throws_for_an_unknown_id_instead_of_reporting_another_diagnostic()
    {
        var exception = Assert.Throws<ArgumentException>(() => DiagnosticDescriptors.ById("XWH999"));

        Assert.Contains("XWH999", exception.Message, StringComparison.Ordinal);
    }
}
