using System.Text.Json.Nodes;
using XWebhooks.Delivery;
using XWebhooks.Inbox;
using XWebhooks.Testing;

namespace XWebhooks.Tests.Testing;

public sealed class UniqueExamplesTests
{
    public static TheoryData<string> ExamplesWithEvents() =>
        [.. XExamplePayloads.Names.Where(name => !name.Contains("replay_job_status", StringComparison.Ordinal))];

    [Theory]
    [InlineData("activity/post.create", "activity/post.create")]
    [InlineData("post.create", "activity/post.create")]
    [InlineData("favorite_events", "account-activity/favorite_events")]
    [InlineData("tweet_create_events", "account-activity/tweet_create_events")]
    [InlineData("post", "stream/post")]
    [InlineData("stream/post", "stream/post")]
    public void Resolve_accepts_a_name_or_a_kind_that_names_one_example(string nameOrKind, string expected) =>
        Assert.Equal(expected, XExamplePayloads.Resolve(nameOrKind));

    [Fact]
    public void Resolve_refuses_an_unknown_kind_and_lists_the_examples()
    {
        var ex = Assert.Throws<KeyNotFoundException>(() => XExamplePayloads.Resolve("post.teleport"));
        Assert.Contains("No X example payload is called 'post.teleport'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("activity/post.create", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ExamplesWithEvents))]
    public void Every_unique_example_has_new_dedupe_keys_and_the_same_events(string name)
    {
        var original = Keys(XExamplePayloads.Get(name));
        var first = Keys(XExamplePayloads.CreateUnique(name));
        var second = Keys(XExamplePayloads.CreateUnique(name));

        Assert.NotEmpty(original);
        Assert.Equal(original.Select(k => k.Type), first.Select(k => k.Type));
        Assert.All(first, k => Assert.NotNull(k.Key));
        Assert.Empty(first.Select(k => k.Key).Intersect(original.Select(k => k.Key)));
        Assert.Empty(first.Select(k => k.Key).Intersect(second.Select(k => k.Key)));
    }

    [Fact]
    public void Unique_example_keeps_the_documented_content()
    {
        var original = JsonNode.Parse(XExamplePayloads.Get("activity/post.create"))!["data"]!.AsObject();
        var unique = JsonNode.Parse(XExamplePayloads.CreateUnique("post.create"))!["data"]!.AsObject();

        Assert.NotEqual(original["event_uuid"]!.GetValue<string>(), unique["event_uuid"]!.GetValue<string>());
        unique["event_uuid"] = original["event_uuid"]!.GetValue<string>();
        Assert.True(JsonNode.DeepEquals(original, unique));
    }

    private static List<(string Type, string? Key)> Keys(byte[] body)
    {
        var keys = new List<(string, string?)>();
        var reader = new XDeliveryReader(body);
        while (reader.TryReadNext(out var payload))
        {
            keys.Add((System.Text.Encoding.UTF8.GetString(payload.EventType.Span), DedupeKeys.For(payload, reader.ForUserId)));
        }

        return keys;
    }
}
