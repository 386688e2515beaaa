using System.Globalization;
using XWebhooks.Events;
using XWebhooks.Events.AccountActivity;
using XWebhooks.Events.Activity;
using XWebhooks.Events.Stream;

namespace XWebhooks.Sample.Handlers;

/// <summary>
/// One handler per product the sample shows. Each logs <c>event=&lt;type&gt; id=&lt;id&gt;</c> and, as its stand-in
/// for real work, appends <c>{"type":…,"id":…}</c> to the events file (configuration key <c>Sample:EventsFile</c>).
/// The id is the event's dedupe identity: XAA <c>event_uuid</c>, the AAA object's id, the stream post id.
/// </summary>
public sealed partial class SampleHandlers(EventJournal journal)
{
    // X Activity API (the future of user activity).
    [XWebhookHandler]
    public ValueTask OnPostCreated(PostCreated e, CancellationToken ct) => journal.RecordAsync("post.create", e.EventUuid, ct);

    [XWebhookHandler]
    public ValueTask OnLikeCreated(LikeCreated e, CancellationToken ct) => journal.RecordAsync("like.create", e.EventUuid, ct);

    [XWebhookHandler]
    public ValueTask OnFollowed(FollowCreated e, CancellationToken ct) => journal.RecordAsync("follow.follow", e.EventUuid, ct);

    [XWebhookHandler]
    public ValueTask OnDirectMessageReceived(DirectMessageReceived e, CancellationToken ct) => journal.RecordAsync("dm.received", e.EventUuid, ct);

    // Account Activity API (ends 2027-01-01); for_user_id comes with the delivery.
    [XWebhookHandler]
    public ValueTask OnTweetCreated(TweetCreateEvent e, CancellationToken ct) => journal.RecordAsync("tweet_create_events", e.IdStr, ct);

    [XWebhookHandler]
    public ValueTask OnFavorite(FavoriteEvent e, CancellationToken ct) => journal.RecordAsync("favorite_events", e.Id, ct);

    [XWebhookHandler]
    public ValueTask OnFollow(FollowEvent e, XDelivery delivery, CancellationToken ct) =>
        journal.RecordAsync("follow_events", $"{delivery.ForUserId}:{UserId(e.Source)}:{UserId(e.Target)}:{e.CreatedTimestamp}", ct);

    // Filtered-stream webhooks.
    [XWebhookHandler]
    public ValueTask OnMatchedPost(StreamPost post, CancellationToken ct) => journal.RecordAsync("stream.post", post.Data?.Id, ct);

    // AAA user objects carry id_str, or only id (a number or a numeric string).
    private static string? UserId(V1User? user) => user?.IdStr ?? user?.Id.ToString(CultureInfo.InvariantCulture);

    // Everything else X sends: acknowledged and recorded, never an error.
    [XWebhookHandler]
    public ValueTask OnOther(XUnknownEvent e, CancellationToken ct) =>
        journal.RecordAsync(e.EventType.Length == 0 ? "unknown" : e.EventType, null, ct);
}
