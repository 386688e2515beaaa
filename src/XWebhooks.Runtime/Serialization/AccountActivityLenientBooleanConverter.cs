using System.Text.Json;
using System.Text.Json.Serialization;

namespace XWebhooks.Serialization;

/// <summary>
/// Reads a boolean that X sometimes writes as a JSON string: accepts <c>true</c>, <c>false</c>,
/// <c>"true"</c>, <c>"false"</c> (any case) and <c>null</c>; any other value reads as null rather than failing
/// the delivery. Writes a JSON boolean. Used for the Account Activity <c>user_has_blocked</c> and <c>is_blocked_by</c> flags.
/// </summary>
public sealed class AccountActivityLenientBooleanConverter : JsonConverter<bool?>
{
    /// <summary>Creates the converter (source-generated serializers instantiate it).</summary>
    public AccountActivityLenientBooleanConverter()
    {
    }

    /// <inheritdoc />
    public override bool HandleNull => true;

    /// <inheritdoc />
    public override bool? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.String:
                var text = reader.GetString();
                if (bool.TryParse(text?.Trim(), out var value))
                    return value;
                return text?.Trim() switch
                {
                    "1" => true,
                    "0" => false,
                    _ => null,
                };
            case JsonTokenType.Number:
                return reader.TryGetInt64(out var number) ? number != 0 : null;
            case JsonTokenType.StartObject:
            case JsonTokenType.StartArray:
                reader.Skip();
                return null;
            default:
                return null;
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, bool? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } b)
            writer.WriteBooleanValue(b);
        else
            writer.WriteNullValue();
    }
}
