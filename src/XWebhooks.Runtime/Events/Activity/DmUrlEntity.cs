namespace XWebhooks.Events.Activity;

/// <summary>A link in a DM text.</summary>
public sealed class DmUrlEntity
{
    /// <summary>The t.co URL in the text.</summary>
    public string? Url { get; init; }

    /// <summary>The destination URL.</summary>
    public string? ExpandedUrl { get; init; }

    /// <summary>The URL to display.</summary>
    public string? DisplayUrl { get; init; }

    /// <summary>Start and end offsets.</summary>
    public IReadOnlyList<int>? Indices { get; init; }
}
