namespace XWebhooks.Events;

/// <summary>
/// One item of a Post's <c>context_annotations</c>: a topic domain and an entity within it that X inferred from the
/// Post (for example domain <c>Brand</c>, entity <c>Twitter</c>).
/// </summary>
public sealed class XContextAnnotation
{
    /// <summary>The domain (category) of the annotation.</summary>
    public XContextAnnotationPart? Domain { get; init; }

    /// <summary>The entity within <see cref="Domain"/>.</summary>
    public XContextAnnotationPart? Entity { get; init; }
}
