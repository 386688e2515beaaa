namespace XWebhooks.Tests;

/// <summary>Reads X payload examples from tests/fixtures (copied next to the test assembly).</summary>
internal static class Fixtures
{
    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "fixtures");

    public static byte[] Read(string relativePath) => File.ReadAllBytes(Path.Combine(Directory, relativePath));

    public static IEnumerable<string> All(string folder) =>
        System.IO.Directory.EnumerateFiles(Path.Combine(Directory, folder), "*.json", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Directory, path))
            .Order(StringComparer.Ordinal);
}
