using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.Extensions.DependencyInjection;

namespace XWebhooks.Generators.Tests.Infrastructure;

/// <summary>Builds test compilations (Net100 reference assemblies + XWebhooks + DI) and runs the generator on them.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly ImmutableArray<MetadataReference> References =
    [
        .. Basic.Reference.Assemblies.Net100.References.All,
        MetadataReference.CreateFromFile(typeof(XDelivery).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(IServiceCollection).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(ServiceCollection).Assembly.Location),
    ];

    /// <summary>A compilation with a unique assembly name, so several can be loaded side by side.</summary>
    public static CSharpCompilation Compile(params (string Path, string Source)[] files) =>
        CompileAs("XWebhooksGeneratorTest" + Guid.NewGuid().ToString("N"), [], files);

    /// <summary>A compilation with a fixed assembly name (it names the generated registration's namespace) and extra references.</summary>
    public static CSharpCompilation CompileAs(string assemblyName, IEnumerable<MetadataReference> extraReferences, params (string Path, string Source)[] files) =>
        CSharpCompilation.Create(
            assemblyName,
            files.Select(file => CSharpSyntaxTree.ParseText(file.Source, ParseOptions, file.Path)),
            [.. References, .. extraReferences],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver(bool trackSteps = false) =>
        CSharpGeneratorDriver.Create(
            [new XWebhooksGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    public static GeneratorResult Run(params (string Path, string Source)[] files) => Run(Compile(files));

    public static GeneratorResult Run(CSharpCompilation compilation)
    {
        var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var run = driver.GetRunResult();
        Assert.Null(run.Results[0].Exception);
        return new GeneratorResult(compilation, (CSharpCompilation)output, generatorDiagnostics, run.Results[0].GeneratedSources);
    }
}

/// <summary>What one generator run gave.</summary>
internal sealed record GeneratorResult(
    CSharpCompilation Input,
    CSharpCompilation Output,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    ImmutableArray<GeneratedSourceResult> Sources)
{
    public string Source(string hintName) =>
        Sources.Single(source => source.HintName == hintName).SourceText.ToString();

    /// <summary>Errors and warnings of the input plus generated code (hidden and info diagnostics ignored).</summary>
    public IReadOnlyList<Diagnostic> CompileProblems() =>
        Output.GetDiagnostics()
            .Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning)
            .ToList();
}
