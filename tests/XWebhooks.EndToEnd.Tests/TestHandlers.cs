using XWebhooks.Events;
using XWebhooks.Events.AccountActivity;
using XWebhooks.Events.Activity;
using XWebhooks.Events.Stream;

namespace XWebhooks.EndToEnd.Tests;

/// <summary>Handlers covering every product and handler shape; each records the typed values it received.</summary>
public sealed partial class TestHandlers(Recorder recorder)
{
    [XWebhookHandler]
    public ValueTask OnPost(PostCreated e, CancellationToken ct)
    {
        recorder.Add(nameof(OnPost), $"{e.EventUuid}|{e.Payload?.Id}|{e.Payload?.AuthorId}|{e.Payload?.Text}");
        return ValueTask.CompletedTask;
    }

    [XWebhookHandler]
    public Task OnLikeFirst(LikeCreated e, XDelivery delivery)
    {
        recorder.Add(nameof(OnLikeFirst), $"{e.Payload?.LikedTweetId}|{delivery.Product}");
        return Task.CompletedTask;
    }

    [XWebhookHandler]
    private void OnLikeSecond(LikeCreated e) => recorder.Add(nameof(OnLikeSecond), $"{e.Payload?.LikedTweetAuthorId}|{e.Payload?.TimestampMs}");

    [XWebhookHandler]
    public void OnFollow(FollowCreated e) => recorder.Add(nameof(OnFollow), $"{e.Payload?.Source?.Username}>{e.Payload?.Target?.Username}");

    [XWebhookHandler]
    public void OnDirectMessage(DirectMessageReceived e)
    {
        var message = e.Payload?.DirectMessageEvents?[0].MessageCreate;
        recorder.Add(nameof(OnDirectMessage), $"{message?.SenderId}|{message?.MessageData?.Text}");
    }

    [XWebhookHandler]
    public static void OnBlock(BlockCreated e) => throw new InvalidOperationException("handler failed on purpose for " + e.EventUuid);

    [XWebhookHandler]
    public void OnTweet(TweetCreateEvent e, XDelivery delivery, CancellationToken ct) => recorder.Add(nameof(OnTweet), $"{delivery.ForUserId}|{e.IdStr}|{e.User?.ScreenName}");

    [XWebhookHandler]
    public void OnFavorite(FavoriteEvent e) => recorder.Add(nameof(OnFavorite), $"{e.Id}|{e.FavoritedStatus?.IdStr}");

    [XWebhookHandler]
    public void OnUnfollow(UnfollowEvent e) => recorder.Add(nameof(OnUnfollow), $"{e.Type}|{e.Source?.ScreenName}>{e.Target?.ScreenName}");

    [XWebhookHandler]
    public void OnStream(StreamPost post) => recorder.Add(nameof(OnStream), $"{post.Data?.Id}|{post.MatchingRules?[0].Tag}");

    [XWebhookHandler]
    public void OnUnknown(XUnknownEvent e) => recorder.Add(nameof(OnUnknown), $"{e.Product}|{e.EventType}");
}
