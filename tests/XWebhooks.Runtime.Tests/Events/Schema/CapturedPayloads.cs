using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using XWebhooks.Events;
using XWebhooks.Events.Stream;
using XWebhooks.Tests.Events.Activity;

namespace XWebhooks.Tests.Events.Schema;

/// <summary>
/// Payloads X sent or documents, each as the JSON a model reads and the model's metadata: X's documented XAA and
/// filtered-stream examples (tests/fixtures/activity, stream) and real captures (tests/captures), wrapped
/// as the captures' SOURCES.md prescribes.
/// </summary>
internal static class CapturedPayloads
{
    public static IEnumerable<(string Name, byte[] Json, JsonTypeInfo Model)> All()
    {
        foreach (var path in Fixtures.All("activity"))
        {
            var eventType = Path.GetFileNameWithoutExtension(path);
            yield return (path, ActivityFixture.Data(eventType), ActivityModel(eventType));
        }

        yield return ("stream/post.json", Fixtures.Read("stream/post.json"), StreamPost.JsonTypeInfo);

        foreach (var path in Captures.All("stream"))
        {
            yield return ("captures/" + path, Captures.Read(path), StreamPost.JsonTypeInfo);
        }

        foreach (var path in Captures.All("xaa"))
        {
            using var document = JsonDocument.Parse(Captures.Read(path));
            var data = document.RootElement.GetProperty("data");
            yield return ("captures/" + path, Encoding.UTF8.GetBytes(data.GetRawText()), ActivityModel(data.GetProperty("event_type").GetString()!));
        }

        foreach (var path in Captures.All("v2-response").Concat(Captures.All("v2-post")))
        {
            var index = 0;
            foreach (var message in AsStreamMessages(Captures.Read(path)))
            {
                yield return ($"captures/{path}#{index++}", message, StreamPost.JsonTypeInfo);
            }
        }
    }

    /// <summary>A v2 response (or bare Post) as filtered-stream messages: one per Post, with the response's includes and errors.</summary>
    public static IEnumerable<byte[]> AsStreamMessages(byte[] response)
    {
        var root = JsonNode.Parse(response)!.AsObject();
        var posts = root["data"] switch
        {
            JsonArray array => array.Select(static post => post!).ToList(),
            JsonObject post => [post],
            _ => [root],
        };
        foreach (var post in posts)
        {
            var message = new JsonObject { ["data"] = post.DeepClone() };
            foreach (var name in new[] { "includes", "errors" })
            {
                if (root[name] is { } value && !ReferenceEquals(root, post))
                {
                    message[name] = value.DeepClone();
                }
            }

            message["matching_rules"] = new JsonArray(new JsonObject { ["id"] = "1", ["tag"] = "captured" });
            yield return Encoding.UTF8.GetBytes(message.ToJsonString());
        }
    }

    public static JsonTypeInfo ActivityModel(string eventType)
    {
        var type = EventTypeCatalogTests.EventTypes()
            .Single(t => t.GetCustomAttributes<XEventTypeAttribute>().Any(a => a.Product == XProduct.Activity && a.Name == eventType));
        return (JsonTypeInfo)type.GetProperty("JsonTypeInfo", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
    }
}
