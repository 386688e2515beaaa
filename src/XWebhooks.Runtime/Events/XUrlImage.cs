namespace XWebhooks.Events;

/// <summary>A preview image of a link's destination (an item of a URL entity's <c>images</c>).</summary>
public sealed class XUrlImage
{
    /// <summary>The image URL.</summary>
    public string? Url { get; init; }

    /// <summary>Width in pixels.</summary>
    public int? Width { get; init; }

    /// <summary>Height in pixels.</summary>
    public int? Height { get; init; }
}
