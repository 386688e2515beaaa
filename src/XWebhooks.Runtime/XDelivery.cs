using XWebhooks.Delivery;
using XWebhooks.Events;

namespace XWebhooks;

/// <summary>
/// One HTTP delivery from X, as handlers may see it next to the typed event: which product sent it,
/// the verified raw body and the raw JSON of the event being handled, the subscribed user (Account Activity),
/// X's partial errors and when it arrived.
/// </summary>
public sealed class XDelivery
{
    private IReadOnlyList<XProblem>? errors;

    /// <summary>Creates a delivery description.</summary>
    /// <param name="product">The product the body's shape belongs to.</param>
    /// <param name="body">The exact verified bytes X sent.</param>
    /// <param name="receivedAt">When the request arrived.</param>
    /// <param name="forUserId">AAA <c>for_user_id</c>, when present.</param>
    /// <param name="attempt">1 for the first processing attempt; higher when an inbox retries.</param>
    /// <param name="eventJson">The JSON of the event handlers run for, a slice of <paramref name="body"/>; empty when not known.</param>
    public XDelivery(XProduct product, ReadOnlyMemory<byte> body, DateTimeOffset receivedAt, string? forUserId = null, int attempt = 1, ReadOnlyMemory<byte> eventJson = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        Product = product;
        Body = body;
        ReceivedAt = receivedAt;
        ForUserId = forUserId;
        Attempt = attempt;
        EventJson = eventJson;
    }

    /// <summary>The product the body's shape belongs to.</summary>
    public XProduct Product { get; }

    /// <summary>
    /// The exact bytes X sent, already signature-verified. Valid only while handlers run: the buffer is
    /// pooled and reused afterwards, so copy what you keep.
    /// </summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>
    /// The exact JSON of the event the handler runs for, already signature-verified: the XAA <c>data</c> object, one
    /// element of an Account Activity <c>*_events</c> array (or <c>user_event</c>, <c>replay_job_status</c>), or the
    /// whole filtered-stream body. It holds every field X sent, including those no model property has; parse it with
    /// <c>JsonDocument.Parse(delivery.EventJson)</c>. A slice of <see cref="Body"/>, valid only while handlers run.
    /// </summary>
    public ReadOnlyMemory<byte> EventJson { get; }

    /// <summary>
    /// X's partial errors: the top-level <c>errors</c> array X sends beside <c>data</c> (XAA and filtered stream) when
    /// part of the answer could not be filled in, for example an expansion whose Post was deleted. The event is
    /// still delivered; empty when X sent none. Read from <see cref="Body"/> on first use, so read it while handlers run.
    /// </summary>
    public IReadOnlyList<XProblem> Errors => errors ??= DeliveryErrors.Read(Body);

    /// <summary>The Account Activity <c>for_user_id</c>: the subscribed user the events concern. Null for other products.</summary>
    public string? ForUserId { get; }

    /// <summary>When the request arrived at this process.</summary>
    public DateTimeOffset ReceivedAt { get; }

    /// <summary>1 for the first processing attempt; higher when a durable inbox retries the delivery.</summary>
    public int Attempt { get; }

    /// <summary>This delivery as seen by the handlers of one of its events (this instance when it already is).</summary>
    internal XDelivery ForEvent(ReadOnlyMemory<byte> eventJson) =>
        EventJson.Equals(eventJson) ? this : new XDelivery(Product, Body, ReceivedAt, ForUserId, Attempt, eventJson) { errors = errors };
}
