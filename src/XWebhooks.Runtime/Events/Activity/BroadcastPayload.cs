using System.Text.Json.Serialization;
using XWebhooks.Serialization;

namespace XWebhooks.Events.Activity;

/// <summary>
/// The <c>payload</c> of <c>broadcast.start</c> and <c>broadcast.end</c> (live video). Times are Unix milliseconds;
/// X also sends <c>*_str</c> string twins, which are ignored.
/// </summary>
public sealed class BroadcastPayload
{
    /// <summary>The broadcaster. X wraps it as <c>{"data":{…}}</c>; a bare user is accepted too.</summary>
    [JsonConverter(typeof(WrappedUserConverter))]
    public XUser? User { get; init; }

    /// <summary>The broadcast's ID (for example <c>1a2b3c4d5e6fG</c>).</summary>
    public string? BroadcastId { get; init; }

    /// <summary>The broadcast's title.</summary>
    public string? Title { get; init; }

    /// <summary><c>Running</c> on start, <c>Ended</c> on end.</summary>
    public string? BroadcastState { get; init; }

    /// <summary>The broadcast's language code.</summary>
    public string? Language { get; init; }

    /// <summary>The live thumbnail (start) or replay thumbnail (end).</summary>
    public string? ThumbnailUrl { get; init; }

    /// <summary>Whether a replay is available.</summary>
    public bool? AvailableForReplay { get; init; }

    /// <summary>When this event happened.</summary>
    public long? EventTimestampMs { get; init; }

    /// <summary>When the broadcast was created.</summary>
    public long? CreatedTimestampMs { get; init; }

    /// <summary>When the broadcast was last updated.</summary>
    public long? UpdatedTimestampMs { get; init; }

    /// <summary>How long the broadcast lasted, in milliseconds (on <c>broadcast.end</c>).</summary>
    public long? DurationMs { get; init; }
}
