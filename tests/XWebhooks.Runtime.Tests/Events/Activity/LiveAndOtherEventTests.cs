using XWebhooks.Events.Activity;

namespace XWebhooks.Tests.Events.Activity;

public class LiveAndOtherEventTests
{
    [Fact]
    public void SpaceStarted_unwraps_host_and_keeps_inner_event_type()
    {
        var e = ActivityFixture.Read<SpaceStarted>("spaces.start");

        Assert.Equal("spaces.start", e.EventType);
        Assert.Equal("spaces_start", e.Payload!.EventType);
        Assert.Equal("1qxvvvyLLdnxB", e.Payload.BroadcastId);
        Assert.Equal("ExampleUser", e.Payload.User!.Username);
    }

    [Fact]
    public void SpaceEnded_reads_negative_uuid()
    {
        var e = ActivityFixture.Read<SpaceEnded>("spaces.end");

        Assert.Equal("-498317022904955631", e.EventUuid);
        Assert.Equal("spaces_end", e.Payload!.EventType);
        Assert.Equal("1111111111111111111", e.Payload.User!.Id);
    }

    [Fact]
    public void BroadcastStarted_reads_timing_and_state()
    {
        var e = ActivityFixture.Read<BroadcastStarted>("broadcast.start");

        Assert.Equal("example broadcast starts", e.Tag);
        Assert.Equal("1234567890123456789", e.Payload!.User!.Id);
        Assert.Equal("example_broadcaster", e.Payload.User.Username);
        Assert.Equal("1a2b3c4d5e6fG", e.Payload.BroadcastId);
        Assert.Equal("Running", e.Payload.BroadcastState);
        Assert.Equal(1720000003500L, e.Payload.EventTimestampMs);
        Assert.Equal(1720000000000L, e.Payload.CreatedTimestampMs);
        Assert.False(e.Payload.AvailableForReplay);
        Assert.Null(e.Payload.DurationMs);
    }

    [Fact]
    public void BroadcastEnded_reads_duration()
    {
        var e = ActivityFixture.Read<BroadcastEnded>("broadcast.end");

        Assert.Equal("Ended", e.Payload!.BroadcastState);
        Assert.Equal(3800L, e.Payload.DurationMs);
        Assert.True(e.Payload.AvailableForReplay);
        Assert.Equal("https://example.com/broadcasts/1a2b3c4d5e6fG/replay-thumbnail.jpg", e.Payload.ThumbnailUrl);
    }

    [Fact]
    public void BroadcastChatReceived_unwraps_author()
    {
        var e = ActivityFixture.Read<BroadcastChatReceived>("broadcast.chat");

        Assert.Equal("7365873565827875221", e.EventUuid);
        Assert.Equal("1mGPaZaAdNqJN", e.Payload!.BroadcastId);
        Assert.Equal("2090000000000000004", e.Payload.MessageId);
        Assert.Equal("test", e.Payload.Message);
        Assert.Equal("ExampleUser", e.Payload.Author!.Username);
    }

    [Fact]
    public void NewsCreated_reads_keyword_filter_and_story()
    {
        var e = ActivityFixture.Read<NewsCreated>("news.new");

        Assert.Equal("OpenAI", e.Filter!.Keyword);
        Assert.Null(e.Filter.UserId);
        var news = e.Payload!;
        Assert.Equal("2080756868147019827", news.Id);
        Assert.Equal("ChatGPT Adds Custom Virtual Pets for Sharing", news.Name);
        Assert.Equal("News", news.Category);
        Assert.Equal(["OpenAI"], news.Contexts!.Entities!.Organizations!);
        Assert.Equal(["Technology"], news.Contexts.Topics!);
        Assert.Empty(news.Contexts.Finance!.Tickers!);
        Assert.Equal(
            ["2080756403493560652", "2080747505474736162", "2080750142437880021"],
            news.ClusterPostsResults!.Select(p => p.PostId));
        Assert.Equal(new DateTimeOffset(2026, 7, 24, 20, 53, 37, TimeSpan.Zero), news.UpdatedAt);
        Assert.StartsWith("This story is a summary", news.Disclaimer);
    }

    [Fact]
    public void OAuthRevoked_reads_empty_filter_and_no_tag()
    {
        var e = ActivityFixture.Read<OAuthRevoked>("oauth.revoke");

        Assert.Equal("5934540941047412905", e.EventUuid);
        Assert.NotNull(e.Filter);
        Assert.Null(e.Filter.UserId);
        Assert.Null(e.Tag);
        Assert.Equal("1111111111111111111", e.Payload!.UserId);
        Assert.Equal("29820954", e.Payload.AppId);
        Assert.Equal(new DateTimeOffset(2026, 7, 23, 21, 44, 5, TimeSpan.Zero), e.Payload.DateTime);
    }
}
