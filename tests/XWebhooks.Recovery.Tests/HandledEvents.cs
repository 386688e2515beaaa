using System.Collections.Concurrent;
using XWebhooks.Events.Activity;

namespace XWebhooks.Recovery.Tests;

/// <summary>Every XAA post.create event handled, by event_uuid, in order (duplicates stay visible).</summary>
public sealed class HandledEvents
{
    public ConcurrentQueue<string> Uuids { get; } = new();
}

/// <summary>The receiver's handler: records each post.create it is given.</summary>
public sealed partial class RecoveryHandlers(HandledEvents handled)
{
    [XWebhookHandler]
    public void OnPost(PostCreated e) => handled.Uuids.Enqueue(e.EventUuid ?? "?");
}
