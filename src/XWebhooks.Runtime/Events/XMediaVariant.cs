namespace XWebhooks.Events;

/// <summary>One rendition of a video or GIF.</summary>
public sealed class XMediaVariant
{
    /// <summary>Bit rate in bits per second (absent for streaming playlists).</summary>
    public long? BitRate { get; init; }

    /// <summary>MIME type, for example <c>video/mp4</c>.</summary>
    public string? ContentType { get; init; }

    /// <summary>The rendition's URL.</summary>
    public string? Url { get; init; }
}
