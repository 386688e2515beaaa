namespace XWebhooks.Events.AccountActivity;

/// <summary>
/// v1.1 <c>entities</c> (or <c>extended_entities</c>) of a Tweet or a Direct Message: hashtags, cashtags,
/// mentions, URLs and media, each with its <c>[start, end]</c> character range in the text.
/// </summary>
public sealed class V1Entities
{
    /// <summary>Hashtags (<c>hashtags</c>).</summary>
    public IReadOnlyList<V1Hashtag>? Hashtags { get; set; }

    /// <summary>Cashtags such as <c>$XYZ</c> (<c>symbols</c>).</summary>
    public IReadOnlyList<V1Symbol>? Symbols { get; set; }

    /// <summary>Mentioned users (<c>user_mentions</c>).</summary>
    public IReadOnlyList<V1UserMention>? UserMentions { get; set; }

    /// <summary>Links (<c>urls</c>).</summary>
    public IReadOnlyList<V1Url>? Urls { get; set; }

    /// <summary>Attached media (<c>media</c>).</summary>
    public IReadOnlyList<V1Media>? Media { get; set; }
}
