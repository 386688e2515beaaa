namespace XWebhooks.Events.AccountActivity;

/// <summary>A URL entity.</summary>
public sealed class V1Url
{
    /// <summary>The t.co link as it appears in the text (<c>url</c>).</summary>
    public string? Url { get; set; }

    /// <summary>The original link (<c>expanded_url</c>).</summary>
    public string? ExpandedUrl { get; set; }

    /// <summary>The shortened form to display (<c>display_url</c>).</summary>
    public string? DisplayUrl { get; set; }

    /// <summary>The <c>[start, end]</c> character range in the text (<c>indices</c>).</summary>
    public IReadOnlyList<int>? Indices { get; set; }
}
