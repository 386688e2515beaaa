namespace XWebhooks.Events;

/// <summary>A named entity X recognised in a Post's text.</summary>
public sealed class XAnnotationEntity
{
    /// <summary>Start offset (inclusive).</summary>
    public int? Start { get; init; }

    /// <summary>End offset (inclusive, as X documents it for annotations).</summary>
    public int? End { get; init; }

    /// <summary>Confidence from 0 to 1.</summary>
    public double? Probability { get; init; }

    /// <summary>Entity kind: <c>Person</c>, <c>Place</c>, <c>Product</c>, <c>Organization</c> or <c>Other</c>.</summary>
    public string? Type { get; init; }

    /// <summary>The entity's text as X normalised it.</summary>
    public string? NormalizedText { get; init; }
}
