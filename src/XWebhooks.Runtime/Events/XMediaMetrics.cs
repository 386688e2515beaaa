using System.Text.Json.Serialization;

namespace XWebhooks.Events;

/// <summary>
/// A medium's <c>public_metrics</c>, <c>non_public_metrics</c>, <c>organic_metrics</c> or <c>promoted_metrics</c>:
/// view and playback counts of a video. Fields a given object does not carry stay null (public metrics hold only
/// <see cref="ViewCount"/>, non-public metrics only the playback quartiles).
/// </summary>
public sealed class XMediaMetrics
{
    /// <summary>Number of views (public, organic and promoted metrics).</summary>
    public long? ViewCount { get; init; }

    /// <summary>Number of users who started playback (0% quartile).</summary>
    [JsonPropertyName("playback_0_count")]
    public long? Playback0Count { get; init; }

    /// <summary>Number of users who watched at least 25%.</summary>
    [JsonPropertyName("playback_25_count")]
    public long? Playback25Count { get; init; }

    /// <summary>Number of users who watched at least 50%.</summary>
    [JsonPropertyName("playback_50_count")]
    public long? Playback50Count { get; init; }

    /// <summary>Number of users who watched at least 75%.</summary>
    [JsonPropertyName("playback_75_count")]
    public long? Playback75Count { get; init; }

    /// <summary>Number of users who completed playback (100%).</summary>
    [JsonPropertyName("playback_100_count")]
    public long? Playback100Count { get; init; }
}
