using System.Text.Json.Serialization.Metadata;
using XWebhooks.Serialization;

namespace XWebhooks.Events.Activity;

/// <summary>
/// XAA <c>news.new</c>: a new Grok-curated news story matches the subscription's <c>keyword</c> filter. Enterprise and Partner only.
/// </summary>
[XEventType(XProduct.Activity, "news.new")]
public sealed class NewsCreated : ActivityEvent<NewsPayload>, IXEvent<NewsCreated>
{
    /// <summary>Source-generated JSON metadata for <see cref="NewsCreated"/>.</summary>
    public static JsonTypeInfo<NewsCreated> JsonTypeInfo => XActivityJsonContext.Default.NewsCreated;
}
