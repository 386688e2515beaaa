namespace XWebhooks.Events;

/// <summary>A user's <c>entities</c>: links in the profile URL field and entities in the bio.</summary>
public sealed class XUserEntities
{
    /// <summary>Entities of the profile website field (its <c>urls</c>).</summary>
    public XEntities? Url { get; init; }

    /// <summary>Entities of the bio (mentions, URLs, hashtags, cashtags).</summary>
    public XEntities? Description { get; init; }
}
