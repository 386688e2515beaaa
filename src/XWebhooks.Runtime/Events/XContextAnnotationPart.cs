namespace XWebhooks.Events;

/// <summary>The <c>domain</c> or <c>entity</c> of a context annotation.</summary>
public sealed class XContextAnnotationPart
{
    /// <summary>The domain's or entity's ID (a number sent as a string).</summary>
    public string? Id { get; init; }

    /// <summary>Its name, for example <c>Brand</c> or <c>Twitter</c>.</summary>
    public string? Name { get; init; }

    /// <summary>Its description, when X has one.</summary>
    public string? Description { get; init; }
}
