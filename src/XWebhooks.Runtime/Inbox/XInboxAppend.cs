namespace XWebhooks.Inbox;

/// <summary>One verified delivery handed to <see cref="IXWebhookInbox.AppendAsync(XInboxAppend, CancellationToken)"/>.</summary>
public readonly struct XInboxAppend
{
    /// <summary>Creates the append of one delivery.</summary>
    /// <param name="body">The exact verified bytes X sent.</param>
    /// <param name="receivedAt">When the POST arrived.</param>
    public XInboxAppend(ReadOnlyMemory<byte> body, DateTimeOffset receivedAt)
    {
        Body = body;
        ReceivedAt = receivedAt;
    }

    /// <summary>The exact verified bytes X sent. A pooled buffer: the store copies it before returning and keeps no reference.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>When the POST arrived.</summary>
    public DateTimeOffset ReceivedAt { get; }

    /// <summary>The W3C <c>traceparent</c> of the delivery's span; null when the delivery is not traced.</summary>
    public string? TraceParent { get; init; }

    /// <summary>
    /// What the POST path learned while reading the body (product, where each event is, its kind and dedupe key),
    /// in a form only XWebhooks reads. Opaque to the store: a store that keeps it beside the body and returns it as
    /// <see cref="XInboxEntry.EventIndex"/> spares the worker a second pass over the JSON. Empty when there is none.
    /// Like <see cref="Body"/>, copy it before returning.
    /// </summary>
    public ReadOnlyMemory<byte> EventIndex { get; init; }
}
