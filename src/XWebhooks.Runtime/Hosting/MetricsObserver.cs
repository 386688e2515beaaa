using XWebhooks.Diagnostics;

namespace XWebhooks.Hosting;

/// <summary>Counts what the endpoints did on the <c>XWebhooks</c> meter.</summary>
internal sealed class MetricsObserver(XWebhooksMetrics metrics) : IXWebhookObserver
{
    public void CrcChecked(bool answered, DateTimeOffset at) =>
        metrics.CrcAnswered(answered ? XWebhooksOutcomes.CrcAnswered : XWebhooksOutcomes.CrcRefused);

    public void DeliveryCompleted(in XDeliveryObservation delivery) =>
        metrics.DeliveryCompleted(delivery.Outcome, delivery.Product, delivery.Duration);
}
