namespace XWebhooks.Tests.Events.Schema;

/// <summary>Reads real payloads captured by others from tests/captures (copied next to the test assembly as captures/).</summary>
internal static class Captures
{
    private static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "captures");

    public static byte[] Read(string relativePath) => File.ReadAllBytes(Path.Combine(Directory, relativePath));

    public static IEnumerable<string> All(string folder) =>
        System.IO.Directory.EnumerateFiles(Path.Combine(Directory, folder), "*.json", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Directory, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
}
