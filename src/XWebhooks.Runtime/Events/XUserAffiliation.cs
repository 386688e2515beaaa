namespace XWebhooks.Events;

/// <summary>A user's <c>affiliation</c>: the organisation behind an affiliate badge.</summary>
public sealed class XUserAffiliation
{
    /// <summary>The organisation's name or label (for example <c>X</c> or <c>Automated</c>).</summary>
    public string? Description { get; init; }

    /// <summary>The organisation's profile URL.</summary>
    public string? Url { get; init; }

    /// <summary>The badge image URL.</summary>
    public string? BadgeUrl { get; init; }

    /// <summary>IDs of the affiliated organisation accounts.</summary>
    public IReadOnlyList<string>? UserId { get; init; }
}
