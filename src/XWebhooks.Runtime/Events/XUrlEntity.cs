namespace XWebhooks.Events;

/// <summary>A link in a text: the t.co URL X inserted and where it leads.</summary>
public sealed class XUrlEntity
{
    /// <summary>Start offset of the URL (inclusive).</summary>
    public int? Start { get; init; }

    /// <summary>End offset of the URL (exclusive).</summary>
    public int? End { get; init; }

    /// <summary>The shortened t.co URL as it appears in the text.</summary>
    public string? Url { get; init; }

    /// <summary>The full destination URL.</summary>
    public string? ExpandedUrl { get; init; }

    /// <summary>The URL to display to people (possibly truncated with <c>…</c>).</summary>
    public string? DisplayUrl { get; init; }

    /// <summary>The final destination after redirects, when X resolved it.</summary>
    public string? UnwoundUrl { get; init; }

    /// <summary>The media key when the URL points at attached media.</summary>
    public string? MediaKey { get; init; }

    /// <summary>The HTTP status of the destination, when X fetched it.</summary>
    public int? Status { get; init; }

    /// <summary>The destination page's title, when X fetched it.</summary>
    public string? Title { get; init; }

    /// <summary>The destination page's description, when X fetched it.</summary>
    public string? Description { get; init; }

    /// <summary>Preview images of the destination page, when X fetched it.</summary>
    public IReadOnlyList<XUrlImage>? Images { get; init; }
}
