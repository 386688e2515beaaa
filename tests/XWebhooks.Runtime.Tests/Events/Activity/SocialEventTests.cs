using XWebhooks.Events.Activity;

namespace XWebhooks.Tests.Events.Activity;

public class SocialEventTests
{
    [Fact]
    public void LikeCreated_reads_payload_direction_and_includes()
    {
        var e = ActivityFixture.Read<LikeCreated>("like.create");

        Assert.Equal("-3402274206530057851", e.EventUuid);
        Assert.Equal("outbound", e.Filter!.Direction);
        Assert.Equal("87719f50ee17bdfa06a3089098a2b9ed", e.Payload!.Id);
        Assert.Equal("2079814480427442556", e.Payload.LikedTweetId);
        Assert.Equal("3333333333333333333", e.Payload.LikedTweetAuthorId);
        Assert.Equal(1784927565236L, e.Payload.TimestampMs); // a string on the wire
        Assert.Equal(new DateTimeOffset(2026, 7, 24, 21, 12, 45, TimeSpan.Zero), e.Payload.CreatedAt);

        var user = Assert.Single(e.Includes!.Users!);
        Assert.Equal("PublicUser", user.Username);
        Assert.Equal("", user.Url);
        var liked = Assert.Single(e.Includes.Tweets!);
        Assert.Equal("2079814480427442556", liked.Id);
        Assert.Equal(21004, liked.PublicMetrics!.ImpressionCount);
        Assert.Equal("2079756440722665849", Assert.Single(liked.ReferencedTweets!).Id);
    }

    [Fact]
    public void FollowCreated_unwraps_source_and_target()
    {
        var e = ActivityFixture.Read<FollowCreated>("follow.follow");

        Assert.Equal("-7953119945885597316", e.EventUuid);
        Assert.Equal("1111111111111111111", e.Payload!.Source!.Id);
        Assert.Equal("ExampleUser", e.Payload.Source.Username);
        Assert.Equal("San Francisco, CA", e.Payload.Source.Location);
        Assert.Equal("4444444444444444444", e.Payload.Target!.Id);
        Assert.Equal("AnotherUser", e.Payload.Target.Username);
        Assert.Equal("business", e.Payload.Target.VerifiedType);
        Assert.Equal(4934564, e.Payload.Target.PublicMetrics!.FollowersCount);
        Assert.Null(e.Includes);
    }

    [Fact]
    public void FollowRemoved_unwraps_elided_users()
    {
        var e = ActivityFixture.Read<FollowRemoved>("follow.unfollow");

        Assert.Equal("-4233426745281461957", e.EventUuid);
        Assert.Equal("unfollows", e.Tag);
        Assert.Equal("1111111111111111111", e.Payload!.Source!.Id);
        Assert.Equal("ExampleUser", e.Payload.Source.Username);
        Assert.Equal("AnotherUser", e.Payload.Target!.Username);
    }
}
