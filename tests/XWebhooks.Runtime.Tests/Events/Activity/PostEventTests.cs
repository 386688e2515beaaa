using XWebhooks.Events.Activity;

namespace XWebhooks.Tests.Events.Activity;

public class PostEventTests
{
    [Fact]
    public void PostCreated_reads_the_full_example()
    {
        var e = ActivityFixture.Read<PostCreated>("post.create");

        Assert.Equal("2080761390344937796", e.EventUuid);
        Assert.Equal("post.create", e.EventType);
        Assert.Equal("posts", e.Tag);
        Assert.Equal("1111111111111111111", e.Filter!.UserId);

        var post = e.Payload!;
        Assert.Equal("2080761390344937796", post.Id);
        Assert.Equal("Hello from the Activity API", post.Text);
        Assert.Equal("1111111111111111111", post.AuthorId);
        Assert.Equal("2080761390344937796", post.ConversationId);
        Assert.Equal(new DateTimeOffset(2026, 7, 24, 21, 5, 48, TimeSpan.Zero), post.CreatedAt);
        Assert.Equal("en", post.Lang);
        Assert.Equal("everyone", post.ReplySettings);
        Assert.False(post.PossiblySensitive);
        Assert.False(post.PaidPartnership);
        Assert.Equal([0, 34], post.DisplayTextRange!);
        Assert.Equal(["2080761390344937796"], post.EditHistoryTweetIds!);
        Assert.Equal(5, post.EditControls!.EditsRemaining);
        Assert.True(post.EditControls.IsEditEligible);
        Assert.Equal(new DateTimeOffset(2026, 7, 24, 22, 5, 48, TimeSpan.Zero), post.EditControls.EditableUntil);
        Assert.Equal(0, post.PublicMetrics!.ImpressionCount);

        // includes.users is bare in post.create.
        var user = Assert.Single(e.Includes!.Users!);
        Assert.Equal("1111111111111111111", user.Id);
        Assert.Equal("ExampleUser", user.Username);
        Assert.Equal("Example User", user.Name);
        Assert.Equal("blue", user.VerifiedType);
        Assert.True(user.IsIdentityVerified);
        Assert.Equal(5502, user.PublicMetrics!.FollowersCount);
        Assert.Equal(8011, user.PublicMetrics.LikeCount);
        Assert.Equal(["783214"], user.Affiliation!.UserId!);
        Assert.Equal("https://example.com", Assert.Single(user.Entities!.Url!.Urls!).ExpandedUrl);
        Assert.Equal(["X", "XDevelopers"], user.Entities.Description!.Mentions!.Select(m => m.Username));
        var geo = Assert.Single(user.ProfileGeoEnrichment!.PotentialLocations!).GeoEntity!;
        Assert.Equal("US", geo.CountryCode);
        Assert.Equal(873965, geo.Population);
        Assert.Equal(-122.41942, geo.GeoPoint!.Longitude);

        var tweet = Assert.Single(e.Includes.Tweets!);
        Assert.Equal("2080761390344937796", tweet.Id);
    }

    [Fact]
    public void PostDeleted_reads_a_negative_event_uuid()
    {
        var e = ActivityFixture.Read<PostDeleted>("post.delete");

        Assert.Equal("-2781149976877970683", e.EventUuid);
        Assert.Equal("post-deletes", e.Tag);
        Assert.Equal("2080761269309813134", e.Payload!.Id);
        Assert.Equal("1111111111111111111", e.Payload.AuthorId);
    }

    [Fact]
    public void PostMentionCreated_reads_mentions()
    {
        var e = ActivityFixture.Read<PostMentionCreated>("post.mention.create");

        Assert.Equal("2080765813578191303", e.EventUuid);
        Assert.Equal("hey @ExampleUser", e.Payload!.Text);
        Assert.Equal("2222222222222222222", e.Payload.AuthorId);
        Assert.Equal("und", e.Payload.Lang);
        var mention = Assert.Single(e.Payload.Entities!.Mentions!);
        Assert.Equal("ExampleUser", mention.Username);
        Assert.Equal("1111111111111111111", mention.Id);
        Assert.Equal(4, mention.Start);
        Assert.Equal(16, mention.End);
    }

    [Fact]
    public void PostReplyCreated_reads_reply_fields()
    {
        var e = ActivityFixture.Read<PostReplyCreated>("post.reply.create");

        Assert.Equal("3091827364059182736", e.EventUuid);
        Assert.Equal("2090000000000000001", e.Payload!.Id);
        Assert.Equal("2080761390344937796", e.Payload.InReplyToTweetId);
        Assert.Equal("1111111111111111111", e.Payload.InReplyToUserId);
        var reference = Assert.Single(e.Payload.ReferencedTweets!);
        Assert.Equal("replied_to", reference.Type);
        Assert.Equal("2080761390344937796", reference.Id);
        Assert.Equal("@ExampleUser Great post — thanks for sharing!", e.Payload.Text);
        Assert.NotNull(e.Includes);
        Assert.Null(e.Includes.Users);
    }

    [Fact]
    public void PostQuoteCreated_reads_the_quoted_reference_and_url()
    {
        var e = ActivityFixture.Read<PostQuoteCreated>("post.quote.create");

        Assert.Equal("quoted", Assert.Single(e.Payload!.ReferencedTweets!).Type);
        var url = Assert.Single(e.Payload.Entities!.Urls!);
        Assert.Equal("https://t.co/xxxxxxxx", url.Url);
        Assert.Equal("https://twitter.com/ExampleUser/status/2080761390344937796", url.ExpandedUrl);
        Assert.Equal("x.com/ExampleUser/st…", url.DisplayUrl);
    }

    [Fact]
    public void PostRepostCreated_reads_the_retweeted_reference()
    {
        var e = ActivityFixture.Read<PostRepostCreated>("post.repost.create");

        Assert.Equal("5283049576128394756", e.EventUuid);
        Assert.Equal("RT @ExampleUser: Hello from the Activity API", e.Payload!.Text);
        var reference = Assert.Single(e.Payload.ReferencedTweets!);
        Assert.Equal("retweeted", reference.Type);
        Assert.Equal("2080761390344937796", reference.Id);
    }
}
