using System.Text.Json.Serialization.Metadata;
using XWebhooks.Serialization;

namespace XWebhooks.Events.Activity;

/// <summary>
/// XAA <c>broadcast.end</c>: a user ended a live broadcast (<c>broadcast_state</c> <c>Ended</c>, with <c>duration_ms</c>). Public event.
/// </summary>
[XEventType(XProduct.Activity, "broadcast.end")]
public sealed class BroadcastEnded : ActivityEvent<BroadcastPayload>, IXEvent<BroadcastEnded>
{
    /// <summary>Source-generated JSON metadata for <see cref="BroadcastEnded"/>.</summary>
    public static JsonTypeInfo<BroadcastEnded> JsonTypeInfo => XActivityJsonContext.Default.BroadcastEnded;
}
