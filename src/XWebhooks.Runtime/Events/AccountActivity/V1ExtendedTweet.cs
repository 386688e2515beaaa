namespace XWebhooks.Events.AccountActivity;

/// <summary>The <c>extended_tweet</c> of a longform v1.1 Tweet: the full text and the entities over all of it.</summary>
public sealed class V1ExtendedTweet
{
    /// <summary>The complete text of the post (<c>full_text</c>).</summary>
    public string? FullText { get; set; }

    /// <summary>The displayable range of <see cref="FullText"/> as <c>[start, end]</c> (<c>display_text_range</c>).</summary>
    public IReadOnlyList<int>? DisplayTextRange { get; set; }

    /// <summary>Entities in the full text, including those past the 280th character (<c>entities</c>).</summary>
    public V1Entities? Entities { get; set; }

    /// <summary>Native media attached to the post (<c>extended_entities</c>).</summary>
    public V1Entities? ExtendedEntities { get; set; }
}
