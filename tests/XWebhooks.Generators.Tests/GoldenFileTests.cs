using XWebhooks.Generators.Tests.Infrastructure;

namespace XWebhooks.Generators.Tests;

/// <summary>Generated files compared with reviewed baselines, and compiled with zero warnings.</summary>
public sealed class GoldenFileTests
{
    [Fact]
    public void BotHandlers_matches_baselines_and_compiles_cleanly()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.CompileAs("Bot", [], TestSources.BotFiles));

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompileProblems());
        Baselines.Verify(result, "BotHandlers");
    }

    [Fact]
    public void StaticOnly_matches_baselines_and_compiles_cleanly()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.CompileAs("Static.Only-Handlers", [], TestSources.StaticOnlyFiles));

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompileProblems());
        Baselines.Verify(result, "StaticOnly");
    }

    [Fact]
    public void No_handlers_generates_nothing()
    {
        var result = GeneratorHarness.Run(("/src/Bot/Events.cs", TestSources.Events), ("/src/Bot/Support.cs", TestSources.Support));

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.Sources);
        Assert.Empty(result.CompileProblems());
    }

    [Fact]
    public void Output_is_the_same_whatever_the_order_of_files()
    {
        var forward = GeneratorHarness.Run(GeneratorHarness.CompileAs("Bot", [], TestSources.BotFiles));
        var backward = GeneratorHarness.Run(GeneratorHarness.CompileAs("Bot", [], [.. TestSources.BotFiles.Reverse()]));

        Assert.Equal(
            forward.Sources.Select(source => (source.HintName, source.SourceText.ToString())).OrderBy(pair => pair.HintName, StringComparer.Ordinal),
            backward.Sources.Select(source => (source.HintName, source.SourceText.ToString())).OrderBy(pair => pair.HintName, StringComparer.Ordinal));
    }
}
