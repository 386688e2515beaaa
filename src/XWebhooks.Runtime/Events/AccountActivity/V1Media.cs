namespace XWebhooks.Events.AccountActivity;

/// <summary>A media entity (photo, video or animated GIF).</summary>
public sealed class V1Media
{
    /// <summary>The numeric media id (<c>id</c>); prefer <see cref="IdStr"/>.</summary>
    public long Id { get; set; }

    /// <summary>The media id as a string (<c>id_str</c>).</summary>
    public string? IdStr { get; set; }

    /// <summary>The media kind: <c>photo</c>, <c>video</c> or <c>animated_gif</c> (<c>type</c>).</summary>
    public string? Type { get; set; }

    /// <summary>HTTPS URL of the media file or preview (<c>media_url_https</c>).</summary>
    public string? MediaUrlHttps { get; set; }

    /// <summary>The t.co link as it appears in the text (<c>url</c>).</summary>
    public string? Url { get; set; }

    /// <summary>The link to the media page (<c>expanded_url</c>).</summary>
    public string? ExpandedUrl { get; set; }

    /// <summary>The shortened form to display (<c>display_url</c>).</summary>
    public string? DisplayUrl { get; set; }

    /// <summary>The <c>[start, end]</c> character range in the text (<c>indices</c>).</summary>
    public IReadOnlyList<int>? Indices { get; set; }
}
