using System.Text.Json;

namespace XWebhooks.Events.Activity;

/// <summary>The <c>payload</c> of <c>news.new</c>: a Grok-curated news story matching the subscription keyword.</summary>
public sealed class NewsPayload
{
    /// <summary>The news item's ID.</summary>
    public string? Id { get; init; }

    /// <summary>The headline / topic name.</summary>
    public string? Name { get; init; }

    /// <summary>The story's headline (the schema's news-event payload names it <c>headline</c>; the docs' example sends <see cref="Name"/>).</summary>
    public string? Headline { get; init; }

    /// <summary>The news category (for example <c>News</c>).</summary>
    public string? Category { get; init; }

    /// <summary>A short hook or teaser.</summary>
    public string? Hook { get; init; }

    /// <summary>A longer summary.</summary>
    public string? Summary { get; init; }

    /// <summary>Related entities, topics, tickers and teams.</summary>
    public NewsContexts? Contexts { get; init; }

    /// <summary>The story's keywords, as raw JSON: X's schema leaves their shape open.</summary>
    public JsonElement? Keywords { get; init; }

    /// <summary>Posts the story is built from, when available.</summary>
    public IReadOnlyList<NewsClusterPost>? ClusterPostsResults { get; init; }

    /// <summary>When the story was last updated (UTC).</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>An optional disclaimer to show with the story.</summary>
    public string? Disclaimer { get; init; }
}
