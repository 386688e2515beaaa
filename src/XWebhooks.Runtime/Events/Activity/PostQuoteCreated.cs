using System.Text.Json.Serialization.Metadata;
using XWebhooks.Serialization;

namespace XWebhooks.Events.Activity;

/// <summary>
/// XAA <c>post.quote.create</c>: another user quoted a Post by the filtered user (direct quotes only; <c>referenced_tweets</c> names the quoted Post). Private event (<c>tweet.read</c>).
/// </summary>
[XEventType(XProduct.Activity, "post.quote.create")]
public sealed class PostQuoteCreated : ActivityEvent<XPost>, IXEvent<PostQuoteCreated>
{
    /// <summary>Source-generated JSON metadata for <see cref="PostQuoteCreated"/>.</summary>
    public static JsonTypeInfo<PostQuoteCreated> JsonTypeInfo => XActivityJsonContext.Default.PostQuoteCreated;
}
