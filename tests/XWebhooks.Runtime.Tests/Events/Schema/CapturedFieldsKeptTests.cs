using System.Text.Json;

namespace XWebhooks.Tests.Events.Schema;

/// <summary>
/// Every field of every documented or captured payload survives the model: read it into the model, write the model
/// back, and each JSON path of the input must be in the output. What is deliberately not kept is listed below.
/// </summary>
public sealed class CapturedFieldsKeptTests
{
    /// <summary>Input paths the models deliberately do not keep, by last segment or whole path, with the reason.</summary>
    private static readonly Dictionary<string, string> NotKept = new(StringComparer.Ordinal)
    {
        // twarc (the archiving tool that recorded several captures) adds its own key; X never sends it.
        ["__twarc"] = "added by the recording tool, not by X",
        // The documented XAA examples mark elided content with "…" keys ("<other user fields elided>").
        ["…"] = "an elision marker of the reference, not an X field",
    };

    public static TheoryData<string> Payloads()
    {
        var data = new TheoryData<string>();
        foreach (var payload in CapturedPayloads.All())
        {
            data.Add(payload.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Every_field_X_sent_is_kept_by_the_model(string name)
    {
        var (_, json, model) = CapturedPayloads.All().Single(payload => payload.Name == name);

        var value = JsonSerializer.Deserialize(json, model);
        var written = JsonSerializer.SerializeToUtf8Bytes(value, model);

        var dropped = Paths(json).Except(Paths(written), StringComparer.Ordinal).Where(static path => !IsNotKept(path)).Order(StringComparer.Ordinal).ToList();
        Assert.True(dropped.Count == 0, $"{name}: the model drops {dropped.Count} field(s):\n" + string.Join('\n', dropped));
    }

    private static bool IsNotKept(string path)
    {
        var last = path[(path.LastIndexOf('.') + 1)..];
        // X sends every count a second time as a string (like_count_str, start_str, …); the number is kept.
        return last.EndsWith("_str", StringComparison.Ordinal) || NotKept.ContainsKey(last) || path.Split('.').Any(NotKept.ContainsKey);
    }

    /// <summary>
    /// The property paths of a JSON value (array items are transparent). A <c>data</c> wrapper below the top is
    /// dropped: X wraps users as <c>{"data":{…}}</c> in some events and the models write them bare.
    /// </summary>
    private static HashSet<string> Paths(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        var paths = new HashSet<string>(StringComparer.Ordinal);
        Collect(document.RootElement, string.Empty, paths);
        return paths;
    }

    private static void Collect(JsonElement element, string path, HashSet<string> paths)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Value.ValueKind == JsonValueKind.Null)
                    {
                        continue; // Null and absent are the same to a model.
                    }

                    var child = property.Name == "data" && path.Length > 0 ? path : path.Length == 0 ? property.Name : $"{path}.{property.Name}";
                    if (child != path)
                    {
                        paths.Add(child);
                    }

                    Collect(property.Value, child, paths);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, path, paths);
                }

                break;
        }
    }
}
