namespace XWebhooks;

/// <summary>
/// One HTTP delivery from X, as handlers may see it next to the typed event: which product sent it,
/// the verified raw body, the subscribed user (Account Activity) and when it arrived.
/// </summary>
public sealed class XDelivery
{
    /// <summary>Creates a delivery description.</summary>
    /// <param name="product">The product the body's shape belongs to.</param>
    /// <param name="body">The exact verified bytes X sent.</param>
    /// <param name="receivedAt">When the request arrived.</param>
    /// <param name="forUserId">AAA <c>for_user_id</c>, when present.</param>
    /// <param name="attempt">1 for the first processing attempt; higher when an inbox retries.</param>
    public XDelivery(XProduct product, ReadOnlyMemory<byte> body, DateTimeOffset receivedAt, string? forUserId = null, int attempt = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        Product = product;
        Body = body;
        ReceivedAt = receivedAt;
        ForUserId = forUserId;
        Attempt = attempt;
    }

    /// <summary>The product the body's shape belongs to.</summary>
    public XProduct Product { get; }

    /// <summary>
    /// The exact bytes X sent, already signature-verified. Valid only while handlers run: the buffer is
    /// pooled and reused afterwards, so copy what you keep.
    /// </summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>The Account Activity <c>for_user_id</c>: the subscribed user the events concern. Null for other products.</summary>
    public string? ForUserId { get; }

    /// <summary>When the request arrived at this process.</summary>
    public DateTimeOffset ReceivedAt { get; }

    /// <summary>1 for the first processing attempt; higher when a durable inbox retries the delivery.</summary>
    public int Attempt { get; }
}
