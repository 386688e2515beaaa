using XWebhooks.Events.AccountActivity;
using XWebhooks.Events.Activity;
using XWebhooks.Events.Stream;

namespace XWebhooks.Emulator.Tests;

/// <summary>Handlers of the test receiver; each records the event's id.</summary>
public sealed partial class EmulatorTestHandlers(HandledEvents handled)
{
    [XWebhookHandler]
    public void OnPost(PostCreated e) => handled.Calls.Enqueue(("post.create", e.EventUuid));

    [XWebhookHandler]
    public void OnFavorite(FavoriteEvent e) => handled.Calls.Enqueue(("favorite_events", e.Id));

    [XWebhookHandler]
    public void OnStream(StreamPost post) => handled.Calls.Enqueue(("stream/post", post.Data?.Id));

    [XWebhookHandler]
    public void OnReplayStatus(ReplayJobStatus status) => handled.Calls.Enqueue(("replay_job_status", status.JobId + "|" + status.JobState));
}
