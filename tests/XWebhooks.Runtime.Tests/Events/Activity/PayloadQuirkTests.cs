using System.Text;
using System.Text.Json;
using XWebhooks.Events;
using XWebhooks.Events.Activity;
using XWebhooks.Serialization;

namespace XWebhooks.Tests.Events.Activity;

/// <summary>X's payload quirks (DESIGN §2): wrapped or bare users, numbers as strings, unknown fields.</summary>
public class PayloadQuirkTests
{
    private const string UserFields =
        """{"id":"42","username":"someone","name":"Some One","protected":false,"public_metrics":{"followers_count":7,"followers_count_str":"7"}}""";

    private static T Parse<T>(string json) where T : IXEvent<T> =>
        JsonSerializer.Deserialize(Encoding.UTF8.GetBytes(json), T.JsonTypeInfo)!;

    private static void AssertSameUser(XUser? expected, XUser? actual)
    {
        Assert.NotNull(expected);
        Assert.NotNull(actual);
        Assert.Equal(
            JsonSerializer.Serialize(expected, XActivityJsonContext.Default.XUser),
            JsonSerializer.Serialize(actual, XActivityJsonContext.Default.XUser));
        Assert.Equal("42", actual.Id);
        Assert.Equal("someone", actual.Username);
        Assert.Equal(7, actual.PublicMetrics!.FollowersCount);
    }

    [Fact]
    public void Wrapped_and_bare_single_user_read_the_same()
    {
        var e = Parse<FollowCreated>("""{"event_type":"follow.follow","payload":{"source":{"data":USER},"target":USER}}""".Replace("USER", UserFields, StringComparison.Ordinal));

        AssertSameUser(e.Payload!.Source, e.Payload.Target);
    }

    [Fact]
    public void Wrapped_user_ignores_sibling_members_of_data()
    {
        var e = Parse<SpaceStarted>("""{"payload":{"user":{"errors":[{"x":1}],"data":USER,"meta":{}}}}""".Replace("USER", UserFields, StringComparison.Ordinal));

        Assert.Equal("someone", e.Payload!.User!.Username);
    }

    [Fact]
    public void Wrapped_and_bare_users_in_includes_list_read_the_same()
    {
        var e = Parse<PostCreated>("""{"payload":{"id":"1"},"includes":{"users":[{"data":USER},USER,null]}}""".Replace("USER", UserFields, StringComparison.Ordinal));

        Assert.Equal(2, e.Includes!.Users!.Count);
        AssertSameUser(e.Includes.Users[0], e.Includes.Users[1]);
    }

    [Fact]
    public void Wrapped_and_bare_users_in_dm_map_read_the_same()
    {
        var e = Parse<DirectMessageReceived>("""{"payload":{"users":{"a":{"data":USER},"b":USER}}}""".Replace("USER", UserFields, StringComparison.Ordinal));

        AssertSameUser(e.Payload!.Users!["a"], e.Payload.Users["b"]);
    }

    [Fact]
    public void Counts_and_timestamps_sent_as_strings_parse()
    {
        var post = Parse<PostCreated>("""{"payload":{"public_metrics":{"like_count":"42","retweet_count":3},"edit_controls":{"edits_remaining":"5"}}}""");
        Assert.Equal(42, post.Payload!.PublicMetrics!.LikeCount);
        Assert.Equal(3, post.Payload.PublicMetrics.RetweetCount);
        Assert.Equal(5, post.Payload.EditControls!.EditsRemaining);

        var like = Parse<LikeCreated>("""{"payload":{"timestamp_ms":"1784927565236"}}""");
        Assert.Equal(1784927565236L, like.Payload!.TimestampMs);
    }

    [Fact]
    public void Event_uuid_sent_as_a_number_is_kept_as_its_text()
    {
        var e = Parse<PostDeleted>("""{"event_uuid":-2781149976877970683,"payload":{"id":"1"}}""");

        Assert.Equal("-2781149976877970683", e.EventUuid);
    }

    [Fact]
    public void Unknown_fields_and_unknown_nested_objects_are_ignored()
    {
        var e = Parse<FollowCreated>("""
            {
              "event_uuid": "1",
              "brand_new_field": 12,
              "brand_new_object": {"deep": [{"deeper": {"x": [1, 2, {"y": null}]}}], "s": "t"},
              "filter": {"user_id": "42", "future_filter": {"a": 1}},
              "event_type": "follow.follow",
              "payload": {
                "future_payload_field": [true, false],
                "source": {"data": {"id": "42", "username": "someone", "new_user_object": {"k": {"v": 1}}, "new_user_list": [{}]}},
                "target": {"id": "43", "username": "other", "…": "<other user fields elided by researcher>"}
              },
              "includes": {"topics": [{"id": "1"}], "users": []}
            }
            """);

        Assert.Equal("1", e.EventUuid);
        Assert.Equal("42", e.Filter!.UserId);
        Assert.Equal("someone", e.Payload!.Source!.Username);
        Assert.Equal("other", e.Payload.Target!.Username);
        Assert.Empty(e.Includes!.Users!);
    }

    [Fact]
    public void Profile_update_values_of_other_json_types_are_kept_as_text()
    {
        var e = Parse<ProfileVerifiedBadgeUpdated>("""{"payload":{"before":false,"after":{"type":"blue"}}}""");

        Assert.Equal("false", e.Payload!.Before);
        Assert.Equal("""{"type":"blue"}""", e.Payload.After);
    }

    [Fact]
    public void Spec_only_and_undocumented_events_deserialize()
    {
        Assert.Equal("c1", Parse<ChatConversationJoined>("""{"event_type":"chat.conversation_join","payload":{"conversation_id":"c1"}}""").Payload!.ConversationId);
        Assert.Equal("c2", Parse<ChatGroupNameUpdated>("""{"payload":{"conversation_id":"c2"}}""").Payload!.ConversationId);

        var read = Parse<DirectMessageRead>("""
            {"payload":{"direct_message_mark_read_events":[{"created_timestamp":"1518452444662","sender_id":"1","target":{"recipient_id":"2"},"last_read_event_id":"9"}],
                        "users":{"1":{"data":{"id":"1","username":"a"}}}}}
            """);
        Assert.Equal("9", Assert.Single(read.Payload!.DirectMessageMarkReadEvents!).LastReadEventId);
        Assert.Equal("a", read.Payload.Users!["1"].Username);

        var typing = Parse<DirectMessageTyping>("""{"payload":{"direct_message_indicate_typing_events":[{"sender_id":"1","target":{"recipient_id":"2"}}]}}""");
        Assert.Equal("2", Assert.Single(typing.Payload!.DirectMessageIndicateTypingEvents!).Target!.RecipientId);

        var mute = Parse<MuteCreated>("""{"payload":{"source":{"data":{"id":"1"}},"target":{"data":{"id":"2"}}}}""");
        Assert.Equal("2", mute.Payload!.Target!.Id);
    }

    [Fact]
    public void Serializing_writes_users_wrapped_where_X_wraps_them_and_round_trips()
    {
        var original = ActivityFixture.Read<FollowCreated>("follow.follow");

        byte[] json = JsonSerializer.SerializeToUtf8Bytes(original, FollowCreated.JsonTypeInfo);
        using (JsonDocument doc = JsonDocument.Parse(json))
        {
            Assert.Equal("ExampleUser", doc.RootElement.GetProperty("payload").GetProperty("source").GetProperty("data").GetProperty("username").GetString());
            Assert.False(doc.RootElement.TryGetProperty("includes", out _)); // nulls are not written
        }

        var again = JsonSerializer.Deserialize(json, FollowCreated.JsonTypeInfo)!;
        Assert.Equal(original.EventUuid, again.EventUuid);
        AssertEqualJson(original.Payload!.Target, again.Payload!.Target);
    }

    [Fact]
    public void A_malformed_user_is_a_JsonException()
    {
        Assert.Throws<JsonException>(() => Parse<FollowCreated>("""{"payload":{"source":"not a user"}}"""));
        Assert.Throws<JsonException>(() => Parse<PostCreated>("""{"includes":{"users":"<1 item(s) elided by researcher>"}}"""));
    }

    private static void AssertEqualJson(XUser? expected, XUser? actual) =>
        Assert.Equal(
            JsonSerializer.Serialize(expected, XActivityJsonContext.Default.XUser),
            JsonSerializer.Serialize(actual, XActivityJsonContext.Default.XUser));
}
