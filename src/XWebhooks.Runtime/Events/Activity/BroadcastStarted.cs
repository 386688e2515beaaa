using System.Text.Json.Serialization.Metadata;
using XWebhooks.Serialization;

namespace XWebhooks.Events.Activity;

/// <summary>
/// XAA <c>broadcast.start</c>: a user started a live broadcast (<c>broadcast_state</c> <c>Running</c>). Public event.
/// </summary>
[XEventType(XProduct.Activity, "broadcast.start")]
public sealed class BroadcastStarted : ActivityEvent<BroadcastPayload>, IXEvent<BroadcastStarted>
{
    /// <summary>Source-generated JSON metadata for <see cref="BroadcastStarted"/>.</summary>
    public static JsonTypeInfo<BroadcastStarted> JsonTypeInfo => XActivityJsonContext.Default.BroadcastStarted;
}
