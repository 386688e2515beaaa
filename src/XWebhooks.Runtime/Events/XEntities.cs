namespace XWebhooks.Events;

/// <summary>
/// Entities parsed from a text (a Post's <c>entities</c>, a long Post's <c>note_tweet.entities</c>, a user's
/// <c>entities.description</c> or <c>entities.url</c>). Positions are character offsets; X also sends
/// <c>start_str</c>/<c>end_str</c> string twins, which are ignored.
/// </summary>
public sealed class XEntities
{
    /// <summary>@mentions.</summary>
    public IReadOnlyList<XMentionEntity>? Mentions { get; init; }

    /// <summary>Links (t.co URLs and where they lead).</summary>
    public IReadOnlyList<XUrlEntity>? Urls { get; init; }

    /// <summary>#hashtags.</summary>
    public IReadOnlyList<XTagEntity>? Hashtags { get; init; }

    /// <summary>$cashtags.</summary>
    public IReadOnlyList<XTagEntity>? Cashtags { get; init; }

    /// <summary>Named entities X recognised in the text (people, places, products, …).</summary>
    public IReadOnlyList<XAnnotationEntity>? Annotations { get; init; }
}
