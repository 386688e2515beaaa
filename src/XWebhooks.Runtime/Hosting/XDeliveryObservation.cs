using XWebhooks.Diagnostics;

namespace XWebhooks.Hosting;

/// <summary>What the delivery endpoint did with one POST.</summary>
/// <param name="Outcome">One of <see cref="XWebhooksOutcomes"/>.</param>
/// <param name="Product">The product the body came from; <see cref="XProduct.Unknown"/> when it was not read.</param>
/// <param name="StatusCode">The status answered; 0 when the client went away first.</param>
/// <param name="CompletedAt">When the answer was decided.</param>
/// <param name="Duration">From the start of the request to the answer.</param>
public readonly record struct XDeliveryObservation(string Outcome, XProduct Product, int StatusCode, DateTimeOffset CompletedAt, TimeSpan Duration)
{
    /// <summary>
    /// True when X was answered 200 (handled, stored in the inbox, or a re-send of processed events): X will not retry
    /// it, so it counts as received.
    /// </summary>
    public bool Acknowledged => Outcome is XWebhooksOutcomes.Accepted or XWebhooksOutcomes.Queued or XWebhooksOutcomes.Duplicate;
}
