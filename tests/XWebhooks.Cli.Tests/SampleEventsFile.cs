using System.Text.Json;

namespace XWebhooks.Cli.Tests;

/// <summary>The sample's events file (<c>Sample:EventsFile</c>): one <c>{"type":…,"id":…}</c> line per handled event.</summary>
internal static class SampleEventsFile
{
    /// <summary>Every line so far (empty when the file does not exist yet); reads while the sample keeps writing.</summary>
    public static IReadOnlyList<(string Type, string? Id)> Read(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var lines = new List<(string Type, string? Id)>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                using var document = JsonDocument.Parse(line);
                lines.Add((document.RootElement.GetProperty("type").GetString() ?? string.Empty, document.RootElement.GetProperty("id").GetString()));
            }
        }

        return lines;
    }
}
