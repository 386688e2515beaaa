using XWebhooks.Events.AccountActivity;
using static XWebhooks.Tests.Events.AccountActivity.AccountActivityTestData;

namespace XWebhooks.Tests.Events.AccountActivity;

/// <summary>Every documented AAA payload deserializes through <see cref="AccountActivityDelivery.JsonTypeInfo"/>.</summary>
public sealed class AccountActivityDeliveryFixtureTests
{
    public static TheoryData<string> AllFixtures()
    {
        var data = new TheoryData<string>();
        foreach (var path in Fixtures.All("account-activity"))
            data.Add(Path.GetFileName(path));
        return data;
    }

    [Theory]
    [MemberData(nameof(AllFixtures))]
    public void Every_fixture_deserializes_and_is_listed_in_SOURCES(string name)
    {
        var delivery = ReadDelivery(name);
        Assert.NotNull(delivery);

        var sources = File.ReadAllText(Path.Combine(Fixtures.Directory, "account-activity", "SOURCES.md"));
        Assert.Contains("`" + name + "`", sources, StringComparison.Ordinal);
    }

    [Fact]
    public void Fixture_folder_holds_every_documented_example()
    {
        var names = Fixtures.All("account-activity").Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);
        string[] expected =
        [
            "tweet_create_events.json", "tweet_create_events.mention.json", "tweet_create_events.longform.json",
            "favorite_events.json", "follow_events.json", "unfollow_events.json", "unfollow_events.own-key.json",
            "block_events.json", "unblock_events.json", "mute_events.json", "unmute_events.json", "user_event.json",
            "direct_message_events.json", "direct_message_indicate_typing_events.json",
            "direct_message_mark_read_events.json", "tweet_delete_events.json",
            "replay_job_status.complete.json", "replay_job_status.incomplete.json",
        ];
        Assert.All(expected, name => Assert.Contains(name, names));
    }

    [Fact]
    public void Tweet_create()
    {
        var delivery = ReadDelivery("tweet_create_events.json");

        Assert.Equal("2244994945", delivery.ForUserId);
        Assert.Null(delivery.UserHasBlocked);
        Assert.Null(delivery.IsBlockedBy);
        var tweet = Assert.Single(delivery.TweetCreateEvents!);
        Assert.Equal("1924465506158878979", tweet.IdStr);
        Assert.Equal("furiouscamper", tweet.User!.ScreenName);
        Assert.Equal(3001969357L, tweet.User.Id);
        Assert.Null(delivery.FavoriteEvents);
        Assert.Null(delivery.FollowEvents);
    }

    [Fact]
    public void Tweet_create_mention_has_user_has_blocked_false_from_a_string()
    {
        var delivery = ReadDelivery("tweet_create_events.mention.json");

        Assert.Equal("2244994945", delivery.ForUserId);
        Assert.False(delivery.UserHasBlocked);
        Assert.Null(delivery.IsBlockedBy);
        Assert.Equal("1924465506158878979", Assert.Single(delivery.TweetCreateEvents!).IdStr);
    }

    [Fact]
    public void Tweet_create_longform()
    {
        var delivery = ReadDelivery("tweet_create_events.longform.json");

        Assert.Equal("1603419180975409153", delivery.ForUserId);
        var tweet = Assert.Single(delivery.TweetCreateEvents!);
        Assert.Equal("Mon May 19 14:01:46 +0000 2025", tweet.CreatedAt);
        Assert.Equal(new DateTimeOffset(2025, 5, 19, 14, 1, 46, TimeSpan.Zero), tweet.CreatedAtTime);
        // The docs' numeric id is precision-mangled; id_str is exact.
        Assert.Equal(1924465506158879000L, tweet.Id);
        Assert.Equal("1924465506158878979", tweet.IdStr);
        Assert.True(tweet.Truncated);
        Assert.StartsWith("The Antikythera Mechanism: A Window into Ancient Ingenuity", tweet.Text, StringComparison.Ordinal);
        Assert.EndsWith("https://t.co/bzbEKj8cd8", tweet.Text, StringComparison.Ordinal);
        Assert.Equal([0, 140], tweet.DisplayTextRange!);

        var extended = tweet.ExtendedTweet!;
        Assert.EndsWith("off the Greek island of Antikythera...", extended.FullText, StringComparison.Ordinal);
        Assert.Equal(extended.FullText, tweet.FullText);
        Assert.Equal([0, 2051], extended.DisplayTextRange!);
        Assert.Empty(extended.Entities!.Hashtags!);
        Assert.Empty(extended.Entities.Urls!);
        Assert.Empty(extended.Entities.Symbols!);
        Assert.Collection(
            extended.Entities.UserMentions!,
            xai =>
            {
                Assert.Equal("xai", xai.ScreenName);
                Assert.Equal("xAI", xai.Name);
                Assert.Equal("1661523610111193088", xai.IdStr);
                Assert.Equal([2032, 2036], xai.Indices!);
            },
            history =>
            {
                Assert.Equal("HistoryInPics", history.ScreenName);
                Assert.Equal("History Photographed", history.Name);
                Assert.Equal(1582853809L, history.Id);
                Assert.Equal("1582853809", history.IdStr);
                Assert.Equal([2037, 2051], history.Indices!);
            });

        var url = Assert.Single(tweet.Entities!.Urls!);
        Assert.Equal("https://t.co/bzbEKj8cd8", url.Url);
        Assert.Equal("https://twitter.com/i/web/status/1924465506158878979", url.ExpandedUrl);
        Assert.Equal("twitter.com/i/web/status/1…", url.DisplayUrl);
        Assert.Equal([117, 140], url.Indices!);
        Assert.Empty(tweet.Entities.UserMentions!);

        Assert.Equal("furiouscamper", tweet.User!.ScreenName);
        Assert.Null(tweet.InReplyToStatusIdStr);
        Assert.Null(tweet.QuotedStatus);
        Assert.Null(tweet.RetweetedStatus);
    }

    [Fact]
    public void Favorite()
    {
        var delivery = ReadDelivery("favorite_events.json");

        Assert.Equal("2244994945", delivery.ForUserId);
        var like = Assert.Single(delivery.FavoriteEvents!);
        Assert.Equal("a7ba59eab0bfcba386f7acedac279542", like.Id);
        Assert.Equal("Mon Mar 26 16:33:26 +0000 2018", like.CreatedAt);
        Assert.Equal(1522082006140L, like.TimestampMs);
        Assert.Equal(new DateTimeOffset(2018, 3, 26, 16, 33, 26, TimeSpan.Zero), like.CreatedAtTime);
        Assert.Equal("1924465506158878979", like.FavoritedStatus!.IdStr);
        Assert.Equal("furiouscamper", like.FavoritedStatus.User!.ScreenName);
        Assert.Equal("Harris_0ff", like.User!.ScreenName);
        Assert.Equal(4337869213L, like.User.Id);
    }

    [Fact]
    public void Follow()
    {
        var delivery = ReadDelivery("follow_events.json");

        Assert.Equal("2244994945", delivery.ForUserId);
        var follow = Assert.IsType<FollowEvent>(Assert.Single(delivery.FollowEvents!));
        Assert.Equal("follow", follow.Type);
        Assert.Equal(1517588749178L, follow.CreatedTimestamp);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1517588749178), follow.CreatedAtTime);
        Assert.Equal("furiouscamper", follow.Source!.ScreenName);
        Assert.Equal("Harris_0ff", follow.Target!.ScreenName);
        Assert.Null(delivery.UnfollowEvents);
    }

    [Fact]
    public void Unfollow_documented_under_follow_events_becomes_an_UnfollowEvent()
    {
        var delivery = ReadDelivery("unfollow_events.json");

        Assert.Equal("2244994945", delivery.ForUserId);
        var unfollow = Assert.IsType<UnfollowEvent>(Assert.Single(delivery.FollowEvents!));
        Assert.Equal("unfollow", unfollow.Type);
        Assert.Equal(1517588749178L, unfollow.CreatedTimestamp);
        Assert.Equal("furiouscamper", unfollow.Source!.ScreenName);
        Assert.Equal("Harris_0ff", unfollow.Target!.ScreenName);
        Assert.Null(delivery.UnfollowEvents);
    }

    [Fact]
    public void Unfollow_under_its_own_key()
    {
        var delivery = ReadDelivery("unfollow_events.own-key.json");

        Assert.Equal("2244994945", delivery.ForUserId);
        Assert.Null(delivery.FollowEvents);
        var unfollow = Assert.Single(delivery.UnfollowEvents!);
        Assert.Equal("unfollow", unfollow.Type);
        Assert.Equal(3001969357L, unfollow.Source!.Id);
        Assert.Equal("Harris_0ff", unfollow.Target!.ScreenName);
    }

    [Theory]
    [InlineData("block_events.json", "block", typeof(BlockEvent))]
    [InlineData("unblock_events.json", "unblock", typeof(UnblockEvent))]
    public void Block_and_unblock(string fixture, string type, Type expectedClass)
    {
        var delivery = ReadDelivery(fixture);

        Assert.Equal("2244994945", delivery.ForUserId);
        var item = Assert.Single(delivery.BlockEvents!);
        Assert.IsType(expectedClass, item);
        Assert.Equal(type, item.Type);
        Assert.Equal(1518127020304L, item.CreatedTimestamp);
        Assert.Equal("Harris_0ff", item.Source!.ScreenName);
        Assert.Equal("furiouscamper", item.Target!.ScreenName);
        Assert.Null(delivery.UnblockEvents);
    }

    [Theory]
    [InlineData("mute_events.json", "mute", typeof(MuteEvent))]
    [InlineData("unmute_events.json", "unmute", typeof(UnmuteEvent))]
    public void Mute_and_unmute(string fixture, string type, Type expectedClass)
    {
        var delivery = ReadDelivery(fixture);

        Assert.Equal("2244994945", delivery.ForUserId);
        var item = Assert.Single(delivery.MuteEvents!);
        Assert.IsType(expectedClass, item);
        Assert.Equal(type, item.Type);
        Assert.Equal(1518127020304L, item.CreatedTimestamp);
        Assert.Equal("Harris_0ff", item.Source!.ScreenName);
        Assert.Equal("furiouscamper", item.Target!.ScreenName);
        Assert.Null(delivery.UnmuteEvents);
    }

    [Fact]
    public void User_event_revoke_has_no_for_user_id()
    {
        var delivery = ReadDelivery("user_event.json");

        Assert.Null(delivery.ForUserId);
        var revoke = delivery.UserEvent!.Revoke!;
        Assert.Equal("2018-05-24T09:48:12+00:00", revoke.DateTime);
        Assert.Equal(new DateTimeOffset(2018, 5, 24, 9, 48, 12, TimeSpan.Zero), revoke.RevokedAtTime);
        Assert.Equal("13090192", revoke.Target!.AppId);
        Assert.Equal("63046977", revoke.Source!.UserId);
    }

    [Fact]
    public void Direct_message_with_users_and_apps_maps()
    {
        var delivery = ReadDelivery("direct_message_events.json");

        Assert.Equal("4337869213", delivery.ForUserId);
        var dm = Assert.Single(delivery.DirectMessageEvents!);
        Assert.Equal("message_create", dm.Type);
        Assert.Equal("954491830116155396", dm.Id);
        Assert.Equal(1516403560557L, dm.CreatedTimestamp);
        Assert.Equal("4337869213", dm.MessageCreate!.Target!.RecipientId);
        Assert.Equal("3001969357", dm.MessageCreate.SenderId);
        Assert.Equal("13090192", dm.MessageCreate.SourceAppId);
        Assert.Equal("Hello World!", dm.MessageCreate.MessageData!.Text);
        Assert.Empty(dm.MessageCreate.MessageData.Entities!.Hashtags!);
        Assert.Empty(dm.MessageCreate.MessageData.Entities.UserMentions!);
        Assert.Null(dm.MessageCreate.MessageData.Attachment);
        Assert.Equal("3001969357", dm.SenderId);
        Assert.Equal("4337869213", dm.RecipientId);
        Assert.Equal("Hello World!", dm.Text);

        var app = Assert.Single(delivery.Apps!);
        Assert.Equal("13090192", app.Key);
        Assert.Equal("13090192", app.Value.Id);
        Assert.Equal("FuriousCamperTestApp1", app.Value.Name);
        Assert.Equal("https://x.com/furiouscamper", app.Value.Url);

        Assert.Equal(2, delivery.Users!.Count);
        var sender = delivery.Users["3001969357"];
        Assert.Equal(3001969357L, sender.Id);
        Assert.Null(sender.IdStr);
        Assert.Equal("Jordan Brinks", sender.Name);
        Assert.Equal("furiouscamper", sender.ScreenName);
        Assert.Equal("Boulder, CO", sender.Location);
        Assert.Equal("https://t.co/SnxaA15ZuY", sender.Url);
        Assert.False(sender.Protected);
        Assert.False(sender.Verified);
        Assert.Equal(22L, sender.FollowersCount);
        Assert.Equal(45L, sender.FriendsCount);
        Assert.Equal(494L, sender.StatusesCount);
        Assert.Equal(1422556069340L, sender.CreatedTimestamp);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1422556069340), sender.CreatedAtTime);
        var recipient = delivery.Users["4337869213"];
        Assert.Equal("Harris_0ff", recipient.ScreenName);
        Assert.Null(recipient.Description);
    }

    [Fact]
    public void Direct_message_indicate_typing()
    {
        var delivery = ReadDelivery("direct_message_indicate_typing_events.json");

        Assert.Equal("4337869213", delivery.ForUserId);
        var typing = Assert.Single(delivery.DirectMessageIndicateTypingEvents!);
        Assert.Equal(1518127183443L, typing.CreatedTimestamp);
        Assert.Equal("3284025577", typing.SenderId);
        Assert.Equal("3001969357", typing.Target!.RecipientId);
        Assert.Equal("bogusbogart", delivery.Users!["3284025577"].ScreenName);
        Assert.True(delivery.Users["3284025577"].Protected);
        Assert.Equal("furiouscamper", delivery.Users["3001969357"].ScreenName);
        Assert.Null(delivery.Apps);
    }

    [Fact]
    public void Direct_message_mark_read()
    {
        var delivery = ReadDelivery("direct_message_mark_read_events.json");

        Assert.Equal("4337869213", delivery.ForUserId);
        var read = Assert.Single(delivery.DirectMessageMarkReadEvents!);
        Assert.Equal(1518452444662L, read.CreatedTimestamp);
        Assert.Equal("199566737", read.SenderId);
        Assert.Equal("3001969357", read.Target!.RecipientId);
        Assert.Equal("963085315333238788", read.LastReadEventId);
        Assert.Equal("LeBraat", delivery.Users!["199566737"].ScreenName);
        Assert.Equal("Le Braat", delivery.Users["199566737"].Name);
        Assert.Equal(48L, delivery.Users["3001969357"].FriendsCount);
    }

    [Fact]
    public void Tweet_delete_with_string_timestamp()
    {
        var delivery = ReadDelivery("tweet_delete_events.json");

        Assert.Equal("930524282358325248", delivery.ForUserId);
        var deletion = Assert.Single(delivery.TweetDeleteEvents!);
        Assert.Equal("1045405559317569537", deletion.Status!.Id);
        Assert.Equal("930524282358325248", deletion.Status.UserId);
        Assert.Equal(1432228155593L, deletion.TimestampMs);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1432228155593), deletion.DeletedAtTime);
    }

    [Fact]
    public void Replay_job_status_complete()
    {
        var delivery = ReadDelivery("replay_job_status.complete.json");

        Assert.Null(delivery.ForUserId);
        var status = delivery.ReplayJobStatus!;
        Assert.Equal("<WEBHOOK_ID>", status.WebhookId);
        Assert.Equal("Complete", status.JobState);
        Assert.Equal("Job completed successfully", status.JobStateDescription);
        Assert.Equal("<JOB_ID>", status.JobId);
        Assert.True(status.IsComplete);
    }

    [Fact]
    public void Replay_job_status_incomplete()
    {
        var status = ReadDelivery("replay_job_status.incomplete.json").ReplayJobStatus!;

        Assert.Equal("<WEBHOOK_ID>", status.WebhookId);
        Assert.Equal("Incomplete", status.JobState);
        Assert.Equal("Job failed to deliver all events, please retry your replay job", status.JobStateDescription);
        Assert.Equal("<JOB_ID>", status.JobId);
        Assert.False(status.IsComplete);
    }
}
