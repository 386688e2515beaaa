using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using XWebhooks.Generators.Tests.Infrastructure;

namespace XWebhooks.Generators.Tests;

/// <summary>The pipeline's caching: edits that cannot change the output stop early; signature edits flow through.</summary>
public sealed class IncrementalTests
{
    private const string BotHandlersPath = "/src/Bot/BotHandlers.cs";

    [Fact]
    public void Rerunning_the_same_compilation_is_all_cached()
    {
        var compilation = GeneratorHarness.Compile(TestSources.BotFiles);
        var driver = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(compilation);

        driver = driver.RunGenerators(compilation);

        AssertNothingChanged(driver.GetRunResult());
    }

    [Fact]
    public void Adding_an_unrelated_file_changes_nothing()
    {
        var compilation = GeneratorHarness.Compile(TestSources.BotFiles);
        var driver = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(compilation);

        driver = driver.RunGenerators(compilation.AddSyntaxTrees(
            CSharpSyntaxTree.ParseText("namespace Bot { public sealed class Unrelated { } }", GeneratorHarness.ParseOptions, "/src/Bot/Unrelated.cs")));

        AssertNothingChanged(driver.GetRunResult());
    }

    [Fact]
    public void Editing_an_unrelated_file_changes_nothing()
    {
        var compilation = GeneratorHarness.Compile(TestSources.BotFiles);
        var driver = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(compilation);

        driver = driver.RunGenerators(Replace(compilation, "/src/Bot/Support.cs", "public string Text => \"hello\";", "public string Text => \"hello, world\";"));

        AssertNothingChanged(driver.GetRunResult());
    }

    [Fact]
    public void Editing_a_handler_body_changes_nothing()
    {
        var compilation = GeneratorHarness.Compile(TestSources.BotFiles);
        var driver = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(compilation);

        // Longer text in the first handler moves every later handler of the file.
        driver = driver.RunGenerators(Replace(compilation, BotHandlersPath, "\"BotHandlers.OnPost \"", "\"BotHandlers.OnPost (edited body) \""));

        var result = driver.GetRunResult();
        AssertNothingChanged(result);
        Assert.Contains(
            result.Results[0].TrackedSteps[TrackingNames.Handlers].SelectMany(step => step.Outputs),
            output => output.Reason == IncrementalStepRunReason.Unchanged);
    }

    [Fact]
    public void Changing_a_handler_signature_regenerates()
    {
        var compilation = GeneratorHarness.Compile(TestSources.BotFiles);
        var driver = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(compilation);

        driver = driver.RunGenerators(Replace(
            compilation,
            BotHandlersPath,
            "public ValueTask OnPost(PostCreated e, CancellationToken ct)",
            "public ValueTask OnPost(PostCreated e, XDelivery delivery, CancellationToken ct)"));

        var steps = driver.GetRunResult().Results[0].TrackedSteps;
        Assert.Contains(steps[TrackingNames.Handlers].SelectMany(step => step.Outputs), output => output.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains(steps[TrackingNames.GenerationModel].SelectMany(step => step.Outputs), output => output.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains(steps[TrackingNames.HandlerClasses].SelectMany(step => step.Outputs), output => output.Reason == IncrementalStepRunReason.Modified);

        // The dispatcher calls invokers with one fixed shape, so its model does not change.
        Assert.All(steps[TrackingNames.Dispatcher].SelectMany(step => step.Outputs), output => Assert.Equal(IncrementalStepRunReason.Unchanged, output.Reason));
    }

    [Fact]
    public void Changing_the_handled_event_regenerates_the_dispatcher()
    {
        var compilation = GeneratorHarness.Compile(TestSources.BotFiles);
        var driver = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(compilation);

        driver = driver.RunGenerators(Replace(
            compilation,
            BotHandlersPath,
            "OnMatchedPost(StreamPost post) => Calls.Log.Add(\"BotHandlers.OnMatchedPost \" + post.Text)",
            "OnMatchedPost(FavoriteEvent post) => Calls.Log.Add(\"BotHandlers.OnMatchedPost \" + post.Id)"));

        var steps = driver.GetRunResult().Results[0].TrackedSteps;
        Assert.Contains(steps[TrackingNames.Dispatcher].SelectMany(step => step.Outputs), output => output.Reason == IncrementalStepRunReason.Modified);
    }

    [Fact]
    public void Editing_an_unrelated_file_of_an_app_that_references_a_handler_library_changes_nothing()
    {
        var compilation = GeneratorHarness.Compile(TestSources.BotFiles).AddReferences(HandlerLibrary());
        var driver = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(compilation);

        driver = driver.RunGenerators(Replace(compilation, "/src/Bot/Support.cs", "public string Text => \"hello\";", "public string Text => \"hello, world\";"));

        AssertNothingChanged(driver.GetRunResult());
    }

    [Fact]
    public void Referencing_a_handler_library_regenerates_only_the_registration()
    {
        var compilation = GeneratorHarness.Compile(TestSources.BotFiles);
        var driver = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(compilation);

        driver = driver.RunGenerators(compilation.AddReferences(HandlerLibrary()));

        var steps = driver.GetRunResult().Results[0].TrackedSteps;
        Assert.Contains(steps[TrackingNames.ReferencedRegistrations].SelectMany(step => step.Outputs), output => output.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains(steps[TrackingNames.Registration].SelectMany(step => step.Outputs), output => output.Reason == IncrementalStepRunReason.Modified);
        foreach (var name in new[] { TrackingNames.GenerationModel, TrackingNames.Dispatcher, TrackingNames.HandlerClasses })
        {
            Assert.All(steps[name].SelectMany(step => step.Outputs), output => Assert.True(
                output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, name + " output was " + output.Reason));
        }
    }

    /// <summary>An emitted handler library (its own generator run), referenced by image as a build references it.</summary>
    private static MetadataReference HandlerLibrary()
    {
        var library = GeneratorHarness.Run(GeneratorHarness.CompileAs("Contoso.Webhooks", [], TestSources.StaticOnlyFiles)).Output;
        using var image = new MemoryStream();
        Assert.True(library.Emit(image).Success);
        return MetadataReference.CreateFromImage(image.ToArray());
    }

    private static CSharpCompilation Replace(CSharpCompilation compilation, string path, string oldText, string newText)
    {
        var tree = compilation.SyntaxTrees.Single(tree => tree.FilePath == path);
        var text = tree.GetText().ToString();
        Assert.Contains(oldText, text, StringComparison.Ordinal);
        return compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(text.Replace(oldText, newText, StringComparison.Ordinal), GeneratorHarness.ParseOptions, path));
    }

    private static void AssertNothingChanged(GeneratorDriverRunResult run)
    {
        var result = Assert.Single(run.Results);
        foreach (var name in TrackingNames.All)
        {
            Assert.True(result.TrackedSteps.TryGetValue(name, out var steps), "step " + name + " was not tracked");
            var outputs = steps.SelectMany(step => step.Outputs).ToList();
            Assert.NotEmpty(outputs);
            Assert.All(outputs, output => Assert.True(
                output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                name + " output was " + output.Reason));
        }

        Assert.All(
            result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(step => step.Outputs),
            output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, "output step was " + output.Reason));
    }
}
