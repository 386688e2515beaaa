namespace XWebhooks.Inbox;

/// <summary>A leased inbox entry: one verified delivery waiting to be processed.</summary>
/// <param name="Id">The store's id of the entry.</param>
/// <param name="Body">The exact verified bytes X sent.</param>
/// <param name="ReceivedAt">When the POST arrived.</param>
/// <param name="Attempt">1 on the first processing attempt, incremented by every <see cref="IXWebhookInbox.RetryLaterAsync"/> and by every lease that expired.</param>
/// <param name="LeaseToken">Identifies this lease to the store, so a worker whose lease expired cannot complete another worker's lease.</param>
public sealed record XInboxEntry(string Id, ReadOnlyMemory<byte> Body, DateTimeOffset ReceivedAt, int Attempt, string LeaseToken)
{
    /// <summary>
    /// The W3C <c>traceparent</c> of the delivery's span, as given to
    /// <see cref="XInboxAppend.TraceParent"/>; null when
    /// the delivery was not traced or the store does not keep it. Never a body or a secret.
    /// </summary>
    public string? TraceParent { get; init; }

    /// <summary>
    /// The <see cref="XInboxAppend.EventIndex"/> stored with the body; empty when the append carried none or the store
    /// does not keep it. The worker then reads the body again.
    /// </summary>
    public ReadOnlyMemory<byte> EventIndex { get; init; }
}
