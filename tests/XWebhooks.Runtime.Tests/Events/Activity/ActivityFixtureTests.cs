using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using XWebhooks.Events;

namespace XWebhooks.Tests.Events.Activity;

/// <summary>Every XAA fixture deserializes into the model its event_type names, with the envelope intact.</summary>
public class ActivityFixtureTests
{
    public static TheoryData<string> EventTypesWithFixtures()
    {
        var data = new TheoryData<string>();
        foreach (string path in Fixtures.All("activity"))
            data.Add(Path.GetFileNameWithoutExtension(path));
        return data;
    }

    [Theory]
    [MemberData(nameof(EventTypesWithFixtures))]
    public void Fixture_deserializes_into_its_event_type(string eventType)
    {
        Type type = EventTypeCatalogTests.EventTypes()
            .Single(t => t.GetCustomAttributes<XEventTypeAttribute>().Any(a => a.Product == XProduct.Activity && a.Name == eventType));
        var typeInfo = (JsonTypeInfo)type.GetProperty("JsonTypeInfo", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

        byte[] data = ActivityFixture.Data(eventType);
        object? model = JsonSerializer.Deserialize(data, typeInfo);

        Assert.IsType(type, model);
        using JsonDocument expected = JsonDocument.Parse(data);
        object? Get(string name) => type.GetProperty(name)!.GetValue(model);
        Assert.Equal(eventType, Get("EventType"));
        Assert.Equal(expected.RootElement.GetProperty("event_uuid").GetString(), Get("EventUuid"));
        Assert.Equal(expected.RootElement.TryGetProperty("tag", out JsonElement tag) ? tag.GetString() : null, Get("Tag"));
        Assert.NotNull(Get("Payload"));
        Assert.NotNull(Get("Filter"));
    }

    [Fact]
    public void Only_the_documented_elisions_are_removed_from_fixtures()
    {
        var removed = Fixtures.All("activity")
            .Select(path => Path.GetFileNameWithoutExtension(path))
            .SelectMany(eventType =>
            {
                ActivityFixture.Data(eventType, out var paths);
                return paths.Select(p => $"{eventType}:{p}");
            })
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(
            [
                "post.delete:data.includes.users",
                "post.mention.create:data.includes.tweets",
                "post.mention.create:data.includes.users",
                "post.mention.create:data.payload.edit_controls",
                "post.mention.create:data.payload.public_metrics",
                "post.quote.create:data.payload.public_metrics",
                "post.reply.create:data.payload.public_metrics",
                "post.repost.create:data.payload.public_metrics",
            ],
            removed);
    }
}
