using System.Text.Json;
using System.Text.Json.Serialization;

namespace XWebhooks.Serialization;

/// <summary>
/// Reads a list of strings whose items X may also send as objects (news <c>contexts</c>: the docs show strings, the
/// schema leaves the shape open). A string item is kept; an object item becomes its <c>name</c> string when it has one,
/// otherwise its raw JSON; numbers and booleans become their JSON text; nulls are dropped. Writes a JSON array of strings.
/// </summary>
public sealed class LenientStringListConverter : JsonConverter<IReadOnlyList<string>>
{
    private static readonly LenientStringConverter Item = new();

    /// <inheritdoc />
    public override IReadOnlyList<string>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            // A single value where a list was expected: a list of that one value.
            return ReadItem(ref reader, options) is { } single ? [single] : [];
        }

        var items = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (ReadItem(ref reader, options) is { } item)
                items.Add(item);
        }

        return items;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, IReadOnlyList<string> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var item in value)
            writer.WriteStringValue(item);
        writer.WriteEndArray();
    }

    private static string? ReadItem(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.StartObject:
                using (var document = JsonDocument.ParseValue(ref reader))
                {
                    var element = document.RootElement;
                    return element.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String
                        ? name.GetString()
                        : element.GetRawText();
                }

            default:
                return Item.Read(ref reader, typeof(string), options);
        }
    }
}
