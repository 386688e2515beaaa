using System.Text.Json;
using System.Text.Json.Serialization;
using XWebhooks.Events;

namespace XWebhooks.Serialization;

/// <summary>
/// Reads a JSON array of users whose items X sends either bare or wrapped as <c>{"data":{…}}</c>
/// (<c>includes.users</c> differs between XAA event types); writes bare items, the standard v2 form.
/// Null items and empty wrappers are dropped.
/// </summary>
public sealed class WrappedUserListConverter : JsonConverter<IReadOnlyList<XUser>>
{
    /// <inheritdoc />
    public override IReadOnlyList<XUser>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
            throw new JsonException($"Expected an array of users, found {reader.TokenType}.");

        var users = new List<XUser>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (WrappedUserConverter.ReadUser(ref reader, options) is { } user)
                users.Add(user);
        }

        return users;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, IReadOnlyList<XUser> value, JsonSerializerOptions options)
    {
        var typeInfo = WrappedUserConverter.UserTypeInfo(options);
        writer.WriteStartArray();
        foreach (XUser user in value)
            JsonSerializer.Serialize(writer, user, typeInfo);
        writer.WriteEndArray();
    }
}
