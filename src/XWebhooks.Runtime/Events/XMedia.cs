namespace XWebhooks.Events;

/// <summary>A v2 media object from <c>includes.media</c>.</summary>
public sealed class XMedia
{
    /// <summary>The media key that <see cref="XPostAttachments.MediaKeys"/> refers to.</summary>
    public string? MediaKey { get; init; }

    /// <summary><c>photo</c>, <c>video</c> or <c>animated_gif</c>.</summary>
    public string? Type { get; init; }

    /// <summary>The photo's URL.</summary>
    public string? Url { get; init; }

    /// <summary>A still image for videos and GIFs.</summary>
    public string? PreviewImageUrl { get; init; }

    /// <summary>Width in pixels.</summary>
    public int? Width { get; init; }

    /// <summary>Height in pixels.</summary>
    public int? Height { get; init; }

    /// <summary>Video length in milliseconds.</summary>
    public long? DurationMs { get; init; }

    /// <summary>The description the author wrote for accessibility.</summary>
    public string? AltText { get; init; }

    /// <summary>Renditions of a video or GIF.</summary>
    public IReadOnlyList<XMediaVariant>? Variants { get; init; }

    /// <summary>Public view counts of a video.</summary>
    public XMediaMetrics? PublicMetrics { get; init; }

    /// <summary>Playback counts only the author can see (user-context requests).</summary>
    public XMediaMetrics? NonPublicMetrics { get; init; }

    /// <summary>Organic (unpromoted) view and playback counts only the author can see.</summary>
    public XMediaMetrics? OrganicMetrics { get; init; }

    /// <summary>Promoted view and playback counts only the author can see.</summary>
    public XMediaMetrics? PromotedMetrics { get; init; }
}
