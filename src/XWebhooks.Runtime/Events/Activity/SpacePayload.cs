using System.Text.Json.Serialization;
using XWebhooks.Serialization;

namespace XWebhooks.Events.Activity;

/// <summary>The <c>payload</c> of <c>spaces.start</c> and <c>spaces.end</c>.</summary>
public sealed class SpacePayload
{
    /// <summary>The Space's host. X wraps it as <c>{"data":{…}}</c>; a bare user is accepted too.</summary>
    [JsonConverter(typeof(WrappedUserConverter))]
    public XUser? User { get; init; }

    /// <summary>The Space's broadcast ID (for example <c>1qxvvvyLLdnxB</c>).</summary>
    public string? BroadcastId { get; init; }

    /// <summary>X's inner event name, <c>spaces_start</c> or <c>spaces_end</c> (differs from the envelope's <c>event_type</c>).</summary>
    public string? EventType { get; init; }
}
