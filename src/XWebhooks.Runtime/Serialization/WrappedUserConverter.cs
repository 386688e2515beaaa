using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using XWebhooks.Events;

namespace XWebhooks.Serialization;

/// <summary>
/// Reads an <see cref="XUser"/> that X sends either bare (<c>{"id":…,"username":…}</c>) or wrapped
/// (<c>{"data":{"id":…}}</c>); writes the wrapped form, the one X uses wherever this converter is applied.
/// The inner user is read through the <see cref="XUser"/> metadata of the calling <see cref="JsonSerializerContext"/>
/// (no reflection), so that context must know <see cref="XUser"/>.
/// </summary>
public sealed class WrappedUserConverter : JsonConverter<XUser>
{
    /// <inheritdoc />
    public override XUser? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ReadUser(ref reader, options);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, XUser value, JsonSerializerOptions options) =>
        WriteWrapped(writer, value, options);

    internal static JsonTypeInfo<XUser> UserTypeInfo(JsonSerializerOptions options) =>
        options.GetTypeInfo(typeof(XUser)) as JsonTypeInfo<XUser>
        ?? throw new InvalidOperationException($"The JSON options have no metadata for {nameof(XUser)}: add [JsonSerializable(typeof(XUser))] to the context.");

    internal static void WriteWrapped(Utf8JsonWriter writer, XUser value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("data"u8);
        JsonSerializer.Serialize(writer, value, UserTypeInfo(options));
        writer.WriteEndObject();
    }

    /// <summary>Reads a bare or wrapped user at the reader's current token (<c>null</c> for a JSON null or an empty wrapper).</summary>
    internal static XUser? ReadUser(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
            return null;
        if (reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException($"Expected a user object or {{\"data\":<user>}}, found {reader.TokenType}.");

        JsonTypeInfo<XUser> typeInfo = UserTypeInfo(options);
        if (!IsWrapped(reader))
            return JsonSerializer.Deserialize(ref reader, typeInfo);

        XUser? user = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            bool isData = reader.ValueTextEquals("data"u8);
            reader.Read();
            if (isData && reader.TokenType == JsonTokenType.StartObject)
                user = JsonSerializer.Deserialize(ref reader, typeInfo);
            else
                reader.Skip();
        }

        return user;
    }

    // Looks ahead on a copy of the reader: wrapped means a "data" object and none of a user's own identifying fields.
    private static bool IsWrapped(Utf8JsonReader reader)
    {
        int depth = reader.CurrentDepth;
        bool hasDataObject = false;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth)
                break;
            if (reader.ValueTextEquals("id"u8) || reader.ValueTextEquals("username"u8))
                return false;
            bool isData = reader.ValueTextEquals("data"u8);
            reader.Read();
            if (isData && reader.TokenType == JsonTokenType.StartObject)
                hasDataObject = true;
            reader.Skip();
        }

        return hasDataObject;
    }
}
