namespace XWebhooks.Events;

/// <summary>One item of a Post's <c>suggested_source_links_with_counts</c>: a URL suggested as a source and how often.</summary>
public sealed class XSuggestedSourceLink
{
    /// <summary>The suggested URL.</summary>
    public string? Url { get; init; }

    /// <summary>How many times it was suggested.</summary>
    public long? Count { get; init; }
}
