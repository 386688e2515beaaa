using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace XWebhooks.Testing;

/// <summary>
/// Rewrites the identifiers a receiver dedupes on (<c>DedupeKeys</c> in the core) in a delivery body, keeping every other byte's
/// meaning: XAA <c>data.event_uuid</c>; AAA event <c>id</c>/<c>id_str</c>, <c>created_timestamp</c>,
/// <c>timestamp_ms</c> and deleted-status ids (kinds without an id are deduped by a hash of their bytes, which
/// the new timestamp changes); filtered-stream <c>data.id</c>.
/// </summary>
internal static class XExampleRefresher
{
    public static byte[] WithFreshIds(byte[] body)
    {
        if (JsonNode.Parse(body) is not JsonObject root)
        {
            return body;
        }

        if (root["data"] is JsonObject data)
        {
            if (data.ContainsKey("event_uuid"))
            {
                data["event_uuid"] = FreshId();
            }
            else if (data.ContainsKey("id"))
            {
                var id = FreshId();
                data["id"] = id;
                if (data.ContainsKey("edit_history_tweet_ids"))
                {
                    data["edit_history_tweet_ids"] = new JsonArray(id);
                }
            }
        }

        foreach (var (name, value) in root)
        {
            if (name.EndsWith("_events", StringComparison.Ordinal) && value is JsonArray events)
            {
                foreach (var accountEvent in events.OfType<JsonObject>())
                {
                    RefreshAccountActivityEvent(accountEvent);
                }
            }
        }

        if (root["user_event"]?["revoke"] is JsonObject revoke)
        {
            revoke["date_time"] = DateTimeOffset.FromUnixTimeMilliseconds(XExampleIds.NextTimestampMilliseconds()).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
        }

        using var buffer = new MemoryStream(body.Length + 64);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            root.WriteTo(writer);
        }

        return buffer.ToArray();
    }

    private static void RefreshAccountActivityEvent(JsonObject accountEvent)
    {
        var id = XExampleIds.Next();
        if (accountEvent.ContainsKey("id"))
        {
            // AAA v1.1 objects carry the id as a number (lossy in JavaScript) and as id_str; keep each one's JSON kind.
            accountEvent["id"] = accountEvent["id"]?.GetValueKind() == JsonValueKind.Number ? JsonValue.Create(id) : JsonValue.Create(id.ToString(CultureInfo.InvariantCulture));
        }

        if (accountEvent.ContainsKey("id_str"))
        {
            accountEvent["id_str"] = id.ToString(CultureInfo.InvariantCulture);
        }

        var nowMs = XExampleIds.NextTimestampMilliseconds().ToString(CultureInfo.InvariantCulture);
        if (accountEvent.ContainsKey("created_timestamp"))
        {
            accountEvent["created_timestamp"] = nowMs;
        }

        if (accountEvent.ContainsKey("timestamp_ms"))
        {
            accountEvent["timestamp_ms"] = nowMs;
        }

        if (accountEvent["status"] is JsonObject status && status.ContainsKey("id"))
        {
            status["id"] = id.ToString(CultureInfo.InvariantCulture);
        }
    }

    private static string FreshId() => XExampleIds.Next().ToString(CultureInfo.InvariantCulture);
}
