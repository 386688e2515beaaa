namespace XWebhooks.Events;

/// <summary>One item of a Post's <c>media_metadata</c>: the author's descriptions of an attached medium.</summary>
public sealed class XMediaMetadata
{
    /// <summary>The medium's key (see <see cref="XMedia.MediaKey"/>).</summary>
    public string? MediaKey { get; init; }

    /// <summary>The alternative text for accessibility.</summary>
    public string? AltText { get; init; }

    /// <summary>The medium's title.</summary>
    public string? Title { get; init; }

    /// <summary>The medium's description.</summary>
    public string? Description { get; init; }
}
