using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace XWebhooks.Delivery;

/// <summary>
/// The dedupe key of one located event: XAA <c>event_uuid</c>; AAA the kind's own id
/// (<c>id_str</c> of a post, <c>id</c> of a like or DM, deleted status id + time) and otherwise a hash of the
/// event's bytes, always with <c>for_user_id</c>; filtered stream the post id plus the matched rule ids.
/// Null when the event carries nothing to key on.
/// </summary>
internal static class DedupeKeys
{
    public static string? For(XEventPayload payload, string? forUserId)
    {
        try
        {
            return payload.Product switch
            {
                XProduct.Activity => ActivityKey(payload.Json),
                XProduct.AccountActivity => AccountActivityKey(payload, forUserId),
                XProduct.FilteredStream => StreamKey(payload.Json),
                _ => null,
            };
        }
        catch (JsonException)
        {
            // The located event is valid JSON, but a field of an unexpected shape: no key, no dedupe.
            return null;
        }
        catch (InvalidOperationException)
        {
            // An id that is not valid UTF-8 (System.Text.Json checks only when it transcodes): no key, no dedupe.
            return null;
        }
    }

    /// <summary>The XAA <c>event_uuid</c>: found by skipping over the <c>data</c> object's other values, not by building a document.</summary>
    private static string? ActivityKey(ReadOnlyMemory<byte> data)
    {
        var reader = new Utf8JsonReader(data.Span);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isUuid = reader.ValueTextEquals("event_uuid"u8);
            reader.Read();
            if (isUuid && reader.TokenType is JsonTokenType.String or JsonTokenType.Number)
            {
                var id = reader.TokenType == JsonTokenType.String ? reader.GetString() : Encoding.UTF8.GetString(reader.ValueSpan);
                return string.IsNullOrEmpty(id) ? null : "xaa:" + id;
            }

            reader.Skip();
        }

        return null;
    }

    private static string AccountActivityKey(XEventPayload payload, string? forUserId)
    {
        var kind = Encoding.UTF8.GetString(payload.EventType.Span);
        using var document = JsonDocument.Parse(payload.Json);
        var root = document.RootElement;
        var id = kind switch
        {
            "tweet_create_events" => Text(root, "id_str") ?? Text(root, "id"),
            "favorite_events" or "direct_message_events" => Text(root, "id"),
            "tweet_delete_events" when root.TryGetProperty("status"u8, out var status) && Text(status, "id") is { } statusId
                => statusId + "@" + Text(root, "timestamp_ms"),
            _ => null,
        };

        return $"aaa:{forUserId}:{kind}:{id ?? "sha256-" + Hash(payload.Json.Span)}";
    }

    private static string? StreamKey(ReadOnlyMemory<byte> body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        if (!root.TryGetProperty("data"u8, out var post) || Text(post, "id") is not { } postId)
        {
            return null;
        }

        // Computed on the POST path in inbox mode: a list sorted in place, not a chain of LINQ iterators.
        List<string>? rules = null;
        if (root.TryGetProperty("matching_rules"u8, out var matching) && matching.ValueKind == JsonValueKind.Array)
        {
            foreach (var rule in matching.EnumerateArray())
            {
                if (Text(rule, "id") is { } ruleId)
                {
                    (rules ??= []).Add(ruleId);
                }
            }

            rules?.Sort(StringComparer.Ordinal);
        }

        return rules is null ? $"stream:{postId}:" : $"stream:{postId}:{string.Join(',', rules)}";
    }

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) ? Text(value) : null;

    /// <summary>A string or a number as text (X writes some ids either way).</summary>
    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        _ => null,
    };

    private static string Hash(ReadOnlySpan<byte> json)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(json, digest);
        return Base64Url.EncodeToString(digest);
    }
}
