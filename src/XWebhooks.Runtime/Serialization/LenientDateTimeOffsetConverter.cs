using System.Text.Json;
using System.Text.Json.Serialization;

namespace XWebhooks.Serialization;

/// <summary>
/// Reads X dates without ever failing an event over one: ISO 8601 (v2), v1.1 text such as
/// <c>Mon Mar 26 16:33:26 +0000 2018</c>, or epoch milliseconds as a number; anything else reads as null.
/// Writes ISO 8601.
/// </summary>
public sealed class LenientDateTimeOffsetConverter : JsonConverter<DateTimeOffset?>
{
    /// <inheritdoc />
    public override bool HandleNull => true;

    /// <inheritdoc />
    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.TryGetDateTimeOffset(out var iso) ? iso : AccountActivityDates.ParseV1(reader.GetString());
            case JsonTokenType.Number:
                return reader.TryGetInt64(out var milliseconds) ? AccountActivityDates.FromUnixMilliseconds(milliseconds) : null;
            default:
                reader.Skip();
                return null;
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } date)
        {
            writer.WriteStringValue(date);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
