namespace XWebhooks.Events;

/// <summary>
/// Names the X event kind a model type represents: the XAA <c>event_type</c> (for example
/// <c>post.create</c>), the AAA top-level key (for example <c>favorite_events</c>) or the
/// filtered-stream kind <c>post</c>. The source generator reads it to route events to handlers.
/// A type may carry several (aliases such as the deprecated <c>chat.conversation_join</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class XEventTypeAttribute(XProduct product, string name) : Attribute
{
    /// <summary>The product that sends this event kind.</summary>
    public XProduct Product { get; } = product;

    /// <summary>The event kind as X writes it on the wire.</summary>
    public string Name { get; } = name;
}
