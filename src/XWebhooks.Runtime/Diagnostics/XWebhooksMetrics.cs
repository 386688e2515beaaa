using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace XWebhooks.Diagnostics;

/// <summary>
/// The <c>XWebhooks</c> meter: deliveries by outcome, events by product/type/outcome, time to acknowledge
/// against the response budget, handler duration and CRC requests.
/// </summary>
public sealed class XWebhooksMetrics
{
    /// <summary>The meter name to subscribe to (for example with OpenTelemetry's <c>AddMeter("XWebhooks")</c>).</summary>
    public const string MeterName = "XWebhooks";

    private readonly Counter<long> deliveries;
    private readonly Counter<long> events;
    private readonly Counter<long> crcRequests;
    private readonly Histogram<double> timeToAck;
    private readonly Histogram<double> handlerDuration;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>.</summary>
    public XWebhooksMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        deliveries = meter.CreateCounter<long>("xwebhooks.deliveries", "{delivery}", "POST deliveries by outcome.");
        events = meter.CreateCounter<long>("xwebhooks.events", "{event}", "Events located in verified deliveries, by product, type and outcome.");
        crcRequests = meter.CreateCounter<long>("xwebhooks.crc.requests", "{request}", "CRC challenges by outcome.");
        timeToAck = meter.CreateHistogram<double>("xwebhooks.delivery.time_to_ack", "s", "Time from request start to the response status, by outcome; compare with the response budget.");
        handlerDuration = meter.CreateHistogram<double>("xwebhooks.handler.duration", "s", "Time spent dispatching one event to its handlers.");
    }

    internal void DeliveryCompleted(string outcome, XProduct product, TimeSpan elapsed)
    {
        var tags = new TagList { { "outcome", outcome }, { "product", ProductName(product) } };
        deliveries.Add(1, tags);
        timeToAck.Record(elapsed.TotalSeconds, tags);
    }

    internal void EventCounted(XProduct product, string type, string outcome) =>
        events.Add(1, new TagList { { "product", ProductName(product) }, { "type", type }, { "outcome", outcome } });

    internal void HandlerCompleted(XProduct product, string type, TimeSpan elapsed) =>
        handlerDuration.Record(elapsed.TotalSeconds, new TagList { { "product", ProductName(product) }, { "type", type } });

    internal void CrcAnswered(string outcome) => crcRequests.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    private static string ProductName(XProduct product) => product switch
    {
        XProduct.Activity => "activity",
        XProduct.AccountActivity => "account_activity",
        XProduct.FilteredStream => "filtered_stream",
        _ => "unknown",
    };
}
