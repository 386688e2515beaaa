using System.Text.Json;
using System.Text.Json.Serialization;
using XWebhooks.Events;
using XWebhooks.Events.AccountActivity;

namespace XWebhooks.Serialization;

/// <summary>
/// Reads an Account Activity <c>follow_events</c>, <c>block_events</c> or <c>mute_events</c> array, whose
/// elements may be the action or its undo (X documents un-events under the same key with
/// <c>"type":"unfollow"</c>, <c>"unblock"</c> or <c>"unmute"</c>). Elements whose <c>type</c> starts with
/// <c>un</c> become <typeparamref name="TUndoEvent"/>, all others <typeparamref name="TEvent"/>, matching
/// how the runtime routes them to handlers.
/// </summary>
/// <typeparam name="TEvent">The action class, for example <see cref="FollowEvent"/>.</typeparam>
/// <typeparam name="TUndoEvent">The undo class, for example <see cref="UnfollowEvent"/>.</typeparam>
public sealed class AccountActivityRelationshipEventListConverter<TEvent, TUndoEvent> : JsonConverter<IReadOnlyList<AccountActivityRelationshipEvent>>
    where TEvent : AccountActivityRelationshipEvent, IXEvent<TEvent>
    where TUndoEvent : AccountActivityRelationshipEvent, IXEvent<TUndoEvent>
{
    /// <summary>Creates the converter (source-generated serializers instantiate it).</summary>
    public AccountActivityRelationshipEventListConverter()
    {
    }

    /// <inheritdoc />
    public override IReadOnlyList<AccountActivityRelationshipEvent>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            // Not the documented shape: tolerate it rather than failing the whole delivery.
            reader.Skip();
            return null;
        }

        var list = new List<AccountActivityRelationshipEvent>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }

            AccountActivityRelationshipEvent? item = IsUndo(reader)
                ? JsonSerializer.Deserialize(ref reader, TUndoEvent.JsonTypeInfo)
                : JsonSerializer.Deserialize(ref reader, TEvent.JsonTypeInfo);
            if (item is not null)
                list.Add(item);
        }

        return list;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, IReadOnlyList<AccountActivityRelationshipEvent> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartArray();
        foreach (var item in value)
        {
            switch (item)
            {
                case null:
                    writer.WriteNullValue();
                    break;
                case TEvent action:
                    JsonSerializer.Serialize(writer, action, TEvent.JsonTypeInfo);
                    break;
                case TUndoEvent undo:
                    JsonSerializer.Serialize(writer, undo, TUndoEvent.JsonTypeInfo);
                    break;
                default:
                    var typeInfo = XAccountActivityJsonContext.Default.GetTypeInfo(item.GetType())
                        ?? throw new JsonException($"No JSON metadata for {item.GetType()}.");
                    JsonSerializer.Serialize(writer, item, typeInfo);
                    break;
            }
        }

        writer.WriteEndArray();
    }

    /// <summary>Looks ahead (on a copy of the reader) for the object's <c>type</c> and reports whether it names an undo.</summary>
    private static bool IsUndo(Utf8JsonReader peek)
    {
        var depth = peek.CurrentDepth;
        while (peek.Read())
        {
            if (peek.TokenType == JsonTokenType.EndObject && peek.CurrentDepth == depth)
                return false;

            if (peek.TokenType != JsonTokenType.PropertyName)
                continue;

            var isType = peek.CurrentDepth == depth + 1 && peek.ValueTextEquals("type"u8);
            if (!peek.Read())
                return false;

            if (isType)
                return peek.TokenType == JsonTokenType.String && (peek.GetString() ?? string.Empty).StartsWith("un", StringComparison.Ordinal);

            peek.Skip();
        }

        return false;
    }
}
