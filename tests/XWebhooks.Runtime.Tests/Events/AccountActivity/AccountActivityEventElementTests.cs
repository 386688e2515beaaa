using System.Reflection;
using XWebhooks.Events;
using XWebhooks.Events.AccountActivity;
using static XWebhooks.Tests.Events.AccountActivity.AccountActivityTestData;

namespace XWebhooks.Tests.Events.AccountActivity;

/// <summary>
/// Each event element, sliced out of its delivery the way the runtime's reader does, deserializes into its
/// per-kind class through <c>T.JsonTypeInfo</c>.
/// </summary>
public sealed class AccountActivityEventElementTests
{
    [Fact]
    public void Tweet_create_element()
    {
        var tweet = FixtureEvent<TweetCreateEvent>("tweet_create_events.longform.json", "tweet_create_events");

        Assert.Equal("1924465506158878979", tweet.IdStr);
        Assert.True(tweet.Truncated);
        Assert.Equal("xai", tweet.ExtendedTweet!.Entities!.UserMentions![0].ScreenName);
        Assert.Equal("furiouscamper", tweet.User!.ScreenName);
        Assert.Equal(new DateTimeOffset(2025, 5, 19, 14, 1, 46, TimeSpan.Zero), tweet.CreatedAtTime);
    }

    [Theory]
    [InlineData("tweet_create_events.json")]
    [InlineData("tweet_create_events.mention.json")]
    public void Tweet_create_element_with_substituted_tweet(string fixture)
    {
        var tweet = FixtureEvent<TweetCreateEvent>(fixture, "tweet_create_events");

        Assert.Equal("1924465506158878979", tweet.IdStr);
        Assert.Equal("furiouscamper", tweet.User!.ScreenName);
    }

    [Fact]
    public void Favorite_element()
    {
        var like = FixtureEvent<FavoriteEvent>("favorite_events.json", "favorite_events");

        Assert.Equal("a7ba59eab0bfcba386f7acedac279542", like.Id);
        Assert.Equal(1522082006140L, like.TimestampMs);
        Assert.Equal("1924465506158878979", like.FavoritedStatus!.IdStr);
        Assert.Equal("Harris_0ff", like.User!.ScreenName);
    }

    [Fact]
    public void Follow_element()
    {
        var follow = FixtureEvent<FollowEvent>("follow_events.json", "follow_events");

        Assert.Equal("follow", follow.Type);
        Assert.Equal(1517588749178L, follow.CreatedTimestamp);
        Assert.Equal("furiouscamper", follow.Source!.ScreenName);
        Assert.Equal("Harris_0ff", follow.Target!.ScreenName);
    }

    [Theory]
    [InlineData("unfollow_events.json", "follow_events")]          // documented: under follow_events, routed by type
    [InlineData("unfollow_events.own-key.json", "unfollow_events")] // constructed: the table's own key
    public void Unfollow_element_in_both_forms(string fixture, string key)
    {
        var unfollow = FixtureEvent<UnfollowEvent>(fixture, key);

        Assert.Equal("unfollow", unfollow.Type);
        Assert.Equal(1517588749178L, unfollow.CreatedTimestamp);
        Assert.Equal("furiouscamper", unfollow.Source!.ScreenName);
        Assert.Equal("Harris_0ff", unfollow.Target!.ScreenName);
    }

    [Fact]
    public void Block_and_unblock_elements()
    {
        var block = FixtureEvent<BlockEvent>("block_events.json", "block_events");
        var unblock = FixtureEvent<UnblockEvent>("unblock_events.json", "block_events");

        Assert.Equal("block", block.Type);
        Assert.Equal("unblock", unblock.Type);
        Assert.Equal(1518127020304L, block.CreatedTimestamp);
        Assert.Equal(1518127020304L, unblock.CreatedTimestamp);
        Assert.Equal("Harris_0ff", block.Source!.ScreenName);
        Assert.Equal("furiouscamper", unblock.Target!.ScreenName);
    }

    [Fact]
    public void Mute_and_unmute_elements()
    {
        var mute = FixtureEvent<MuteEvent>("mute_events.json", "mute_events");
        var unmute = FixtureEvent<UnmuteEvent>("unmute_events.json", "mute_events");

        Assert.Equal("mute", mute.Type);
        Assert.Equal("unmute", unmute.Type);
        Assert.Equal(1518127020304L, mute.CreatedTimestamp);
        Assert.Equal("Harris_0ff", unmute.Source!.ScreenName);
        Assert.Equal("furiouscamper", mute.Target!.ScreenName);
    }

    [Fact]
    public void User_event_object()
    {
        var userEvent = FixtureEvent<UserEvent>("user_event.json", "user_event");

        Assert.Equal("13090192", userEvent.Revoke!.Target!.AppId);
        Assert.Equal("63046977", userEvent.Revoke.Source!.UserId);
        Assert.Equal("2018-05-24T09:48:12+00:00", userEvent.Revoke.DateTime);
    }

    [Fact]
    public void Direct_message_element()
    {
        var dm = FixtureEvent<DirectMessageEvent>("direct_message_events.json", "direct_message_events");

        Assert.Equal("954491830116155396", dm.Id);
        Assert.Equal("message_create", dm.Type);
        Assert.Equal(1516403560557L, dm.CreatedTimestamp);
        Assert.Equal("3001969357", dm.SenderId);
        Assert.Equal("4337869213", dm.RecipientId);
        Assert.Equal("Hello World!", dm.Text);
        Assert.Equal("13090192", dm.MessageCreate!.SourceAppId);
    }

    [Fact]
    public void Typing_element()
    {
        var typing = FixtureEvent<DirectMessageIndicateTypingEvent>("direct_message_indicate_typing_events.json", "direct_message_indicate_typing_events");

        Assert.Equal(1518127183443L, typing.CreatedTimestamp);
        Assert.Equal("3284025577", typing.SenderId);
        Assert.Equal("3001969357", typing.Target!.RecipientId);
    }

    [Fact]
    public void Mark_read_element()
    {
        var read = FixtureEvent<DirectMessageMarkReadEvent>("direct_message_mark_read_events.json", "direct_message_mark_read_events");

        Assert.Equal(1518452444662L, read.CreatedTimestamp);
        Assert.Equal("199566737", read.SenderId);
        Assert.Equal("3001969357", read.Target!.RecipientId);
        Assert.Equal("963085315333238788", read.LastReadEventId);
    }

    [Fact]
    public void Tweet_delete_element()
    {
        var deletion = FixtureEvent<TweetDeleteEvent>("tweet_delete_events.json", "tweet_delete_events");

        Assert.Equal("1045405559317569537", deletion.Status!.Id);
        Assert.Equal("930524282358325248", deletion.Status.UserId);
        Assert.Equal(1432228155593L, deletion.TimestampMs);
    }

    [Theory]
    [InlineData("replay_job_status.complete.json", "Complete", true)]
    [InlineData("replay_job_status.incomplete.json", "Incomplete", false)]
    public void Replay_job_status_object(string fixture, string state, bool complete)
    {
        var status = FixtureEvent<ReplayJobStatus>(fixture, "replay_job_status");

        Assert.Equal("<WEBHOOK_ID>", status.WebhookId);
        Assert.Equal("<JOB_ID>", status.JobId);
        Assert.Equal(state, status.JobState);
        Assert.Equal(complete, status.IsComplete);
    }

    [Fact]
    public void Every_event_class_names_its_wire_kind_once_and_has_metadata()
    {
        var expected = new Dictionary<Type, string>
        {
            [typeof(TweetCreateEvent)] = "tweet_create_events",
            [typeof(FavoriteEvent)] = "favorite_events",
            [typeof(FollowEvent)] = "follow_events",
            [typeof(UnfollowEvent)] = "unfollow_events",
            [typeof(BlockEvent)] = "block_events",
            [typeof(UnblockEvent)] = "unblock_events",
            [typeof(MuteEvent)] = "mute_events",
            [typeof(UnmuteEvent)] = "unmute_events",
            [typeof(UserEvent)] = "user_event",
            [typeof(DirectMessageEvent)] = "direct_message_events",
            [typeof(DirectMessageIndicateTypingEvent)] = "direct_message_indicate_typing_events",
            [typeof(DirectMessageMarkReadEvent)] = "direct_message_mark_read_events",
            [typeof(TweetDeleteEvent)] = "tweet_delete_events",
            [typeof(ReplayJobStatus)] = "replay_job_status",
        };

        var annotated = typeof(AccountActivityDelivery).Assembly.GetTypes()
            .Where(t => t.GetCustomAttributes<XEventTypeAttribute>().Any(a => a.Product == XProduct.AccountActivity))
            .ToList();
        Assert.Equal(expected.Keys.OrderBy(t => t.Name), annotated.OrderBy(t => t.Name));

        foreach (var (type, name) in expected)
        {
            var attribute = Assert.Single(type.GetCustomAttributes<XEventTypeAttribute>());
            Assert.Equal(XProduct.AccountActivity, attribute.Product);
            Assert.Equal(name, attribute.Name);
            Assert.True(type.IsSealed, type.Name);
            Assert.Equal("XWebhooks.Events.AccountActivity", type.Namespace);
            Assert.Contains(type.GetInterfaces(), i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IXEvent<>) && i.GenericTypeArguments[0] == type);
            var typeInfo = type.GetProperty("JsonTypeInfo", BindingFlags.Public | BindingFlags.Static)!.GetValue(null);
            Assert.NotNull(typeInfo);
        }

        Assert.Empty(typeof(AccountActivityDelivery).GetCustomAttributes<XEventTypeAttribute>());
        Assert.NotNull(AccountActivityDelivery.JsonTypeInfo);
    }
}
