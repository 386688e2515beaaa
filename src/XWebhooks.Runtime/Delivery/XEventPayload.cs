namespace XWebhooks.Delivery;

/// <summary>
/// One event inside a delivery, located but not yet deserialized: its kind and the exact JSON of the
/// value a model type reads (the XAA <c>data</c> object, one element of an AAA <c>*_events</c> array,
/// or the whole filtered-stream body).
/// </summary>
public readonly struct XEventPayload
{
    /// <summary>Creates a located event.</summary>
    public XEventPayload(XProduct product, ReadOnlyMemory<byte> eventType, ReadOnlyMemory<byte> json)
    {
        Product = product;
        EventType = eventType;
        Json = json;
    }

    /// <summary>The product that sent the event.</summary>
    public XProduct Product { get; }

    /// <summary>The event kind as UTF-8 (for example <c>post.create</c> or <c>favorite_events</c>).</summary>
    public ReadOnlyMemory<byte> EventType { get; }

    /// <summary>The event's JSON value.</summary>
    public ReadOnlyMemory<byte> Json { get; }

    /// <summary>Where the deferred members are in <see cref="Json"/>, when the locate pass recorded them.</summary>
    internal LocatedSections Sections { get; init; }
}
