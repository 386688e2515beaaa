using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace XWebhooks.Serialization;

/// <summary>
/// Reads a string property that X may also send as a number, a boolean or (rarely) an object: numbers and booleans
/// become their JSON text, objects and arrays their raw JSON. Used for opaque identifiers such as <c>event_uuid</c>
/// and for values whose type X does not document. Writes a JSON string.
/// </summary>
public sealed class LenientStringConverter : JsonConverter<string>
{
    /// <inheritdoc />
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
                return reader.HasValueSequence
                    ? Encoding.UTF8.GetString(reader.ValueSequence)
                    : Encoding.UTF8.GetString(reader.ValueSpan);
            case JsonTokenType.True:
                return "true";
            case JsonTokenType.False:
                return "false";
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                using (JsonDocument document = JsonDocument.ParseValue(ref reader))
                    return document.RootElement.GetRawText();
            default:
                throw new JsonException($"Unexpected {reader.TokenType} where a string was expected.");
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);
}
