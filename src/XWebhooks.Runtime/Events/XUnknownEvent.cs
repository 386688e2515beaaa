namespace XWebhooks.Events;

/// <summary>
/// An event no other handler takes: a kind X added after this library was built, or one the application
/// has no handler for. Take it as a handler parameter to receive every such event (a fallback handler).
/// </summary>
public sealed class XUnknownEvent
{
    /// <summary>Creates an unknown event.</summary>
    public XUnknownEvent(XProduct product, string eventType, ReadOnlyMemory<byte> json)
    {
        Product = product;
        EventType = eventType;
        Json = json;
    }

    /// <summary>The product that sent the event (<see cref="XProduct.Unknown"/> when the body's shape was not recognised).</summary>
    public XProduct Product { get; }

    /// <summary>The event kind as X wrote it (empty when the shape was not recognised).</summary>
    public string EventType { get; }

    /// <summary>The event's raw JSON. Valid only while the handler runs; copy what you keep.</summary>
    public ReadOnlyMemory<byte> Json { get; }
}
