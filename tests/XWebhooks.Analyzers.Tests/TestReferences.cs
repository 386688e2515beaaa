using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace XWebhooks.Analyzers.Tests;

/// <summary>
/// What test sources compile against: the .NET 10 reference assemblies (Basic.Reference.Assemblies, nothing downloaded
/// at test time), the ASP.NET Core reference assemblies this project builds with, and the real XWebhooks assembly,
/// so the analyzers bind to the types users see, not to stand-ins.
/// </summary>
internal static class TestReferences
{
    public static readonly ImmutableArray<MetadataReference> All =
    [
        .. Basic.Reference.Assemblies.Net100.References.All,
        .. AspNetCore(),
        MetadataReference.CreateFromFile(typeof(XWebhookHandlerAttribute).Assembly.Location),
    ];

    private static IEnumerable<MetadataReference> AspNetCore()
    {
        // Written at build time by the EmbedAspNetCoreReferencePaths target of the project file.
        using var stream = typeof(TestReferences).Assembly.GetManifestResourceStream("aspnetcore-references.txt")
            ?? throw new InvalidOperationException("The aspnetcore-references.txt resource is missing; see the project file.");
        using var reader = new StreamReader(stream);
        var paths = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return paths.Select(path => MetadataReference.CreateFromFile(path)).ToList();
    }
}
