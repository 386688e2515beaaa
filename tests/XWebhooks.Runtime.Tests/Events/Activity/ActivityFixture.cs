using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using XWebhooks.Events;

namespace XWebhooks.Tests.Events.Activity;

/// <summary>
/// Reads an XAA fixture and hands back the JSON of its <c>data</c> object, the value the runtime gives a model.
/// The reference's §5.5 examples replace some sub-objects with placeholder strings such as
/// <c>"&lt;1 item(s) elided by researcher&gt;"</c> (not something X sends); those properties are removed.
/// Placeholder <em>keys</em> (<c>"…": "&lt;other user fields elided…&gt;"</c>) stay: they are plain unknown fields.
/// </summary>
internal static partial class ActivityFixture
{
    public static byte[] Data(string eventType) => Data(eventType, out _);

    public static byte[] Data(string eventType, out IReadOnlyList<string> removedPlaceholders)
    {
        using JsonDocument document = JsonDocument.Parse(Fixtures.Read($"activity/{eventType}.json"));
        string data = document.RootElement.GetProperty("data").GetRawText();

        var removed = new List<string>();
        if (Placeholder().IsMatch(data))
        {
            JsonNode node = JsonNode.Parse(data)!;
            RemovePlaceholders(node, "data", removed);
            data = node.ToJsonString();
        }

        removedPlaceholders = removed;
        return Encoding.UTF8.GetBytes(data);
    }

    public static T Read<T>(string eventType) where T : IXEvent<T> =>
        JsonSerializer.Deserialize(Data(eventType), T.JsonTypeInfo)
        ?? throw new InvalidOperationException($"{eventType} deserialized to null.");

    private static void RemovePlaceholders(JsonNode node, string path, List<string> removed)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    if (key != "…" && value is JsonValue v && v.TryGetValue(out string? s) && Placeholder().IsMatch($"\"{s}\""))
                    {
                        obj.Remove(key);
                        removed.Add($"{path}.{key}");
                    }
                    else if (value is not null)
                    {
                        RemovePlaceholders(value, $"{path}.{key}", removed);
                    }
                }

                break;
            case JsonArray array:
                for (int i = 0; i < array.Count; i++)
                {
                    if (array[i] is { } item)
                        RemovePlaceholders(item, $"{path}[{i}]", removed);
                }

                break;
        }
    }

    [GeneratedRegex("\"<[^\"]*elided[^\"]*>\"")]
    private static partial Regex Placeholder();
}
