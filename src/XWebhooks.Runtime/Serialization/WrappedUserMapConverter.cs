using System.Text.Json;
using System.Text.Json.Serialization;
using XWebhooks.Events;

namespace XWebhooks.Serialization;

/// <summary>
/// Reads a JSON object that maps user IDs to users, each value bare or wrapped as <c>{"data":{…}}</c>
/// (the <c>users</c> map of XAA <c>dm.*</c> payloads); writes wrapped values, the form X uses there.
/// Null values and empty wrappers are dropped.
/// </summary>
public sealed class WrappedUserMapConverter : JsonConverter<IReadOnlyDictionary<string, XUser>>
{
    /// <inheritdoc />
    public override IReadOnlyDictionary<string, XUser>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException($"Expected an object mapping user IDs to users, found {reader.TokenType}.");

        var users = new Dictionary<string, XUser>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            string key = reader.GetString()!;
            reader.Read();
            if (WrappedUserConverter.ReadUser(ref reader, options) is { } user)
                users[key] = user;
        }

        return users;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, XUser> value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (KeyValuePair<string, XUser> pair in value)
        {
            writer.WritePropertyName(pair.Key);
            WrappedUserConverter.WriteWrapped(writer, pair.Value, options);
        }

        writer.WriteEndObject();
    }
}
