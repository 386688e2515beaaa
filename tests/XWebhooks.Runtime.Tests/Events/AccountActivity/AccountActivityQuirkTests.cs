using System.Globalization;
using System.Text;
using System.Text.Json;
using XWebhooks.Events.AccountActivity;
using static XWebhooks.Tests.Events.AccountActivity.AccountActivityTestData;

namespace XWebhooks.Tests.Events.AccountActivity;

/// <summary>The payload quirks of reference §4.3: the models tolerate both forms.</summary>
public sealed class AccountActivityQuirkTests
{
    [Theory]
    [InlineData("\"false\"", false)]
    [InlineData("false", false)]
    [InlineData("\"true\"", true)]
    [InlineData("true", true)]
    [InlineData("\"TRUE\"", true)]
    [InlineData("null", null)]
    [InlineData("\"maybe\"", null)]
    public void User_has_blocked_and_is_blocked_by_accept_bools_and_strings(string json, bool? expected)
    {
        var delivery = Parse($$"""{"for_user_id":"1","user_has_blocked":{{json}},"is_blocked_by":{{json}},"tweet_create_events":[]}""");

        Assert.Equal(expected, delivery.UserHasBlocked);
        Assert.Equal(expected, delivery.IsBlockedBy);
    }

    [Fact]
    public void Blocked_flags_are_null_when_absent()
    {
        var delivery = Parse("""{"for_user_id":"1","tweet_create_events":[]}""");

        Assert.Null(delivery.UserHasBlocked);
        Assert.Null(delivery.IsBlockedBy);
        Assert.Empty(delivery.TweetCreateEvents!);
    }

    [Fact]
    public void Blocked_flags_are_written_as_booleans()
    {
        var delivery = Parse("""{"for_user_id":"1","user_has_blocked":"false","is_blocked_by":"true"}""");

        var json = JsonSerializer.Serialize(delivery, AccountActivityDelivery.JsonTypeInfo);

        Assert.Contains("\"user_has_blocked\":false", json, StringComparison.Ordinal);
        Assert.Contains("\"is_blocked_by\":true", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1522082006140")]
    [InlineData("\"1522082006140\"")]
    public void Favorite_timestamp_ms_as_number_or_string(string timestamp)
    {
        var like = Event<FavoriteEvent>($$"""{"id":"a","timestamp_ms":{{timestamp}}}""");

        Assert.Equal(1522082006140L, like.TimestampMs);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1522082006140), like.CreatedAtTime);
    }

    [Theory]
    [InlineData("1432228155593")]
    [InlineData("\"1432228155593\"")]
    public void Tweet_delete_timestamp_ms_as_number_or_string(string timestamp)
    {
        var deletion = Event<TweetDeleteEvent>($$"""{"status":{"id":"1","user_id":"2"},"timestamp_ms":{{timestamp}}}""");

        Assert.Equal(1432228155593L, deletion.TimestampMs);
    }

    [Theory]
    [InlineData("1518127020304")]
    [InlineData("\"1518127020304\"")]
    public void Created_timestamp_as_number_or_string(string timestamp)
    {
        var block = Event<BlockEvent>($$"""{"type":"block","created_timestamp":{{timestamp}}}""");
        var dm = Event<DirectMessageEvent>($$"""{"type":"message_create","id":"1","created_timestamp":{{timestamp}}}""");

        Assert.Equal(1518127020304L, block.CreatedTimestamp);
        Assert.Equal(1518127020304L, dm.CreatedTimestamp);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1518127020304), block.CreatedAtTime);
    }

    [Fact]
    public void User_id_as_number_or_string()
    {
        var tweet = Event<TweetCreateEvent>("""{"id":1,"id_str":"1","user":{"id":"3001969357","screen_name":"a"},"quoted_status":{"id_str":"2","user":{"id":3001969357,"id_str":"3001969357"}}}""");

        Assert.Equal(3001969357L, tweet.User!.Id);
        Assert.Equal(3001969357L, tweet.QuotedStatus!.User!.Id);
        Assert.Equal("3001969357", tweet.QuotedStatus.User.IdStr);
    }

    [Theory]
    [InlineData("Mon Mar 26 16:33:26 +0000 2018", "2018-03-26T16:33:26+00:00")]
    [InlineData("Mon May 19 14:01:46 +0000 2025", "2025-05-19T14:01:46+00:00")]
    [InlineData("Tue Mar 06 01:02:03 +0100 2018", "2018-03-06T01:02:03+01:00")]
    public void Created_at_helper_parses_v1_dates(string createdAt, string expected)
    {
        var tweet = Event<TweetCreateEvent>($$"""{"id_str":"1","created_at":"{{createdAt}}"}""");

        Assert.Equal(createdAt, tweet.CreatedAt);
        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), tweet.CreatedAtTime);
    }

    [Fact]
    public void Created_at_helper_ignores_the_current_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("fr-FR");
            var tweet = Event<TweetCreateEvent>("""{"created_at":"Mon Mar 26 16:33:26 +0000 2018"}""");

            Assert.Equal(new DateTimeOffset(2018, 3, 26, 16, 33, 26, TimeSpan.Zero), tweet.CreatedAtTime);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("yesterday")]
    public void Created_at_helper_is_null_when_unusable(string? createdAt)
    {
        var tweet = new V1Tweet { CreatedAt = createdAt };

        Assert.Null(tweet.CreatedAtTime);
    }

    [Fact]
    public void Full_text_falls_back_to_text()
    {
        var tweet = Event<TweetCreateEvent>("""{"text":"short","truncated":false}""");

        Assert.Equal("short", tweet.FullText);
        Assert.False(tweet.Truncated);
    }

    [Fact]
    public void Unknown_fields_and_unknown_kinds_are_ignored()
    {
        var delivery = Parse("""
            {
              "for_user_id": "1",
              "some_future_events": [{"x": 1}],
              "favorite_events": [{"id": "a", "new_field": {"nested": [1, 2, 3]}, "user": {"id_str": "5", "verified_type": "blue"}}],
              "users": {}
            }
            """);

        var like = Assert.Single(delivery.FavoriteEvents!);
        Assert.Equal("a", like.Id);
        Assert.Equal("5", like.User!.IdStr);
        Assert.Empty(delivery.Users!);
    }

    [Fact]
    public void Several_events_in_one_array()
    {
        var delivery = Parse("""{"for_user_id":"1","tweet_delete_events":[{"status":{"id":"10"}},{"status":{"id":"11"}}]}""");

        Assert.Equal(["10", "11"], delivery.TweetDeleteEvents!.Select(d => d.Status!.Id));
    }

    [Fact]
    public void Mixed_follow_events_array_routes_each_element_by_type_wherever_type_appears()
    {
        var delivery = Parse("""
            {
              "for_user_id": "1",
              "follow_events": [
                {"type": "follow", "created_timestamp": "1", "source": {"id": "2"}, "target": {"id": "3"}},
                {"source": {"id": "2", "type": "unfollow"}, "created_timestamp": "2", "type": "unfollow"},
                {"created_timestamp": "3"},
                null
              ],
              "block_events": [{"type": "unblock"}],
              "mute_events": [{"type": "mute"}, {"type": "unmute"}]
            }
            """);

        Assert.Collection(
            delivery.FollowEvents!,
            e => Assert.Equal(1L, Assert.IsType<FollowEvent>(e).CreatedTimestamp),
            e => Assert.Equal(2L, Assert.IsType<UnfollowEvent>(e).CreatedTimestamp),
            e => Assert.Equal(3L, Assert.IsType<FollowEvent>(e).CreatedTimestamp));
        Assert.IsType<UnblockEvent>(Assert.Single(delivery.BlockEvents!));
        Assert.Collection(delivery.MuteEvents!, e => Assert.IsType<MuteEvent>(e), e => Assert.IsType<UnmuteEvent>(e));
    }

    [Fact]
    public void Envelope_round_trips_through_its_own_metadata()
    {
        var original = Fixture("unfollow_events.json");
        var delivery = Parse(original);

        var json = JsonSerializer.Serialize(delivery, AccountActivityDelivery.JsonTypeInfo);
        var again = Parse(Encoding.UTF8.GetBytes(json));

        var unfollow = Assert.IsType<UnfollowEvent>(Assert.Single(again.FollowEvents!));
        Assert.Equal("unfollow", unfollow.Type);
        Assert.Equal("furiouscamper", unfollow.Source!.ScreenName);
        Assert.DoesNotContain("created_at_time", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"tweet_create_events\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("user_has_blocked", json, StringComparison.Ordinal);
        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Precision_mangled_numeric_id_differs_from_id_str()
    {
        var tweet = FixtureEvent<TweetCreateEvent>("tweet_create_events.longform.json", "tweet_create_events");

        Assert.NotEqual(tweet.IdStr, tweet.Id.ToString(CultureInfo.InvariantCulture));
        Assert.Equal("1924465506158878979", tweet.IdStr);
    }
}
