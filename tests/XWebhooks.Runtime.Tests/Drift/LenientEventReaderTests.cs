using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using XWebhooks.Delivery;
using XWebhooks.Events.AccountActivity;
using XWebhooks.Events.Activity;
using XWebhooks.Serialization;

namespace XWebhooks.Tests.Drift;

/// <summary>The lenient read on its own: which value is removed, and what is kept byte for byte.</summary>
public sealed class LenientEventReaderTests
{
    private static XEventPayload Activity(string eventType, byte[] data) => new(XProduct.Activity, Encoding.UTF8.GetBytes(eventType), data);

    private static byte[] PostCreateData(Action<JsonNode> change, bool indented)
    {
        var data = JsonNode.Parse(Fixtures.Read("activity/post.create.json"))!["data"]!;
        change(data);
        return Encoding.UTF8.GetBytes(data.ToJsonString(new JsonSerializerOptions { WriteIndented = indented }));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_drifted_user_in_includes_is_found_by_position_and_the_other_users_keep_the_same_field(bool indented)
    {
        // Users in includes are read by a converter that restarts the serializer's path at "$", so the path alone
        // ("$.username") fits every user: the exception's position must pick the second one.
        var data = PostCreateData(
            d =>
            {
                var users = d["includes"]!["users"]!.AsArray();
                var second = users[0]!.DeepClone();
                second["id"] = "2";
                second["username"] = new JsonObject { ["handle"] = "drift" };
                var third = users[0]!.DeepClone();
                third["id"] = "3";
                users.Add(second);
                users.Add(third);
            },
            indented);
        var username = JsonNode.Parse(Fixtures.Read("activity/post.create.json"))!["data"]!["includes"]!["users"]![0]!["username"]!.GetValue<string>();

        var e = LenientEventReader.Read<PostCreated>(Activity("post.create", data), null);

        Assert.Equal(["1111111111111111111", "2", "3"], e.Includes!.Users!.Select(u => u.Id));
        Assert.Equal([username, null, username], e.Includes.Users!.Select(u => u.Username));
    }

    [Fact]
    public void Invalid_utf8_inside_a_string_of_the_event_leaves_that_string_empty()
    {
        var data = PostCreateData(_ => { }, indented: false);
        var text = Encoding.UTF8.GetBytes("\"text\":\"Hello from the Activity API\"");
        var at = data.AsSpan().IndexOf(text) + "\"text\":\"Hello".Length;
        byte[] hostile = [.. data[..at], 0xFF, 0xC0, .. data[at..]];

        var e = LenientEventReader.Read<PostCreated>(Activity("post.create", hostile), null);

        Assert.Null(e.Payload!.Text);
        Assert.Equal("2080761390344937796", e.Payload.Id);
        Assert.Equal("Hello from the Activity API", e.Includes!.Tweets![0].Text);
    }

    [Fact]
    public void A_member_whose_name_has_a_bad_escape_is_removed_with_its_value()
    {
        var data = """{"event_type":"post.create","payload":{"id":"1","\udc00x":"v","text":"t"},"tag":"posts"}"""u8.ToArray();

        var e = LenientEventReader.Read<PostCreated>(Activity("post.create", data), null);

        Assert.Equal("1", e.Payload!.Id);
        Assert.Equal("t", e.Payload.Text);
        Assert.Equal("posts", e.Tag);
    }

    [Fact]
    public void Several_drifted_values_are_each_left_empty()
    {
        var data = PostCreateData(
            d =>
            {
                d["payload"]!["text"] = 1;
                d["payload"]!["lang"] = new JsonArray();
                d["filter"]!["user_id"] = true;
                d["includes"]!["tweets"]![0]!["id"] = new JsonObject();
            },
            indented: true);

        var e = LenientEventReader.Read<PostCreated>(Activity("post.create", data), null);

        Assert.Null(e.Payload!.Text);
        Assert.Null(e.Payload.Lang);
        Assert.Null(e.Filter!.UserId);
        Assert.Null(e.Includes!.Tweets![0].Id);
        Assert.Equal("Hello from the Activity API", e.Includes.Tweets[0].Text);
        Assert.Equal("2080761390344937796", e.Payload.Id);
    }

    [Fact]
    public void A_non_nullable_number_that_drifted_is_removed_rather_than_nulled()
    {
        var element = JsonNode.Parse(Fixtures.Read("account-activity/tweet_create_events.json"))!["tweet_create_events"]![0]!;
        var id = element["id"]!.GetValue<long>();
        element["user"]!["id"] = "not a number";
        var payload = new XEventPayload(XProduct.AccountActivity, "tweet_create_events"u8.ToArray(), Encoding.UTF8.GetBytes(element.ToJsonString()));

        var e = LenientEventReader.Read<TweetCreateEvent>(payload, null);

        Assert.Equal(0, e.User!.Id);
        Assert.NotNull(e.User.ScreenName);
        Assert.Equal(id, e.Id);
    }

    [Fact]
    public void An_event_with_more_drifted_values_than_the_limit_is_refused()
    {
        var values = string.Join(",", Enumerable.Range(0, LenientEventReader.MaxDriftedValues + 1).Select(i => $"{{\"id\":{{\"n\":{i}}}}}"));
        var data = Encoding.UTF8.GetBytes($"{{\"event_type\":\"post.create\",\"includes\":{{\"tweets\":[{values}]}}}}");

        // includes is deferred: the event reads, and the first read of includes is refused.
        var e = LenientEventReader.Read<PostCreated>(Activity("post.create", data), null);
        var ex = Assert.Throws<JsonException>(() => e.Includes);

        Assert.Contains("drifted values left empty", ex.Message, StringComparison.Ordinal);
        Assert.StartsWith("$.includes.tweets[", ex.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_null_is_refused_as_before()
    {
        var ex = Assert.Throws<JsonException>(() => LenientEventReader.Read<PostCreated>(Activity("post.create", "null"u8.ToArray()), null));

        Assert.Contains("JSON null", ex.Message, StringComparison.Ordinal);
    }
}
