using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace XWebhooks.Diagnostics;

/// <summary>
/// The <c>XWebhooks</c> meter: deliveries by outcome, events by product/type/outcome, drifted event values by path, time to acknowledge
/// against the response budget, handler duration, CRC requests, dedupe hits, the inbox (depth, oldest
/// entry age, retries, dead letters). XWebhooks.Management adds gap recovery's instruments to the same meter name.
/// </summary>
internal sealed class XWebhooksMetrics
{
    private readonly Counter<long> deliveries;
    private readonly Counter<long> events;
    private readonly Counter<long> drift;
    private readonly Counter<long> crcRequests;
    private readonly Histogram<double> timeToAck;
    private readonly Histogram<double> handlerDuration;
    private readonly Counter<long> dedupeHits;
    private readonly Counter<long> inboxRetries;
    private readonly Counter<long> deadLetters;
    private readonly TimeProvider timeProvider;
    private InboxGauges? inboxStats; // replaced whole, so readers never see a torn value

    public XWebhooksMetrics(IMeterFactory meterFactory, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        this.timeProvider = timeProvider ?? TimeProvider.System;
        var meter = meterFactory.Create(XWebhooksTelemetry.MeterName);
        deliveries = meter.CreateCounter<long>("xwebhooks.deliveries", "{delivery}", "POST deliveries by outcome.");
        events = meter.CreateCounter<long>("xwebhooks.events", "{event}", "Events located in verified deliveries, by product, type and outcome.");
        drift = meter.CreateCounter<long>("xwebhooks.events.drift", "{value}", "Event values X sent with a type the model does not expect, left empty so the event still reached its handler; by product, type and JSON path.");
        crcRequests = meter.CreateCounter<long>("xwebhooks.crc.requests", "{request}", "CRC challenges by outcome.");
        timeToAck = meter.CreateHistogram<double>("xwebhooks.delivery.time_to_ack", "s", "Time from request start to the response status, by outcome; compare with the response budget.");
        handlerDuration = meter.CreateHistogram<double>("xwebhooks.handler.duration", "s", "Time spent dispatching one event to its handlers.");
        dedupeHits = meter.CreateCounter<long>("xwebhooks.dedupe.hits", "{event}", "Events skipped because they were already processed (X retries and replays).");
        inboxRetries = meter.CreateCounter<long>("xwebhooks.inbox.retries", "{delivery}", "Inbox deliveries rescheduled after a failed attempt.");
        deadLetters = meter.CreateCounter<long>("xwebhooks.inbox.dead_letters", "{delivery}", "Inbox deliveries moved to the dead letter.");
        meter.CreateObservableGauge("xwebhooks.inbox.depth", () => Volatile.Read(ref inboxStats) is { } s ? [new Measurement<long>(s.Depth)] : Array.Empty<Measurement<long>>(), "{delivery}", "Deliveries stored and not yet processed.");
        meter.CreateObservableGauge("xwebhooks.inbox.oldest_age", ObserveOldestAge, "s", "Age of the oldest unprocessed delivery.");
        meter.CreateObservableGauge("xwebhooks.inbox.dead_letter_depth", () => Volatile.Read(ref inboxStats) is { } s ? [new Measurement<long>(s.DeadLetters)] : Array.Empty<Measurement<long>>(), "{delivery}", "Deliveries in the dead letter.");
    }

    internal void DeliveryCompleted(string outcome, XProduct product, TimeSpan elapsed)
    {
        var tags = new TagList { { "outcome", outcome }, { "product", ProductName(product) } };
        deliveries.Add(1, tags);
        timeToAck.Record(elapsed.TotalSeconds, tags);
    }

    internal void EventCounted(XProduct product, string type, string outcome) =>
        events.Add(1, new TagList { { "product", ProductName(product) }, { "type", type }, { "outcome", outcome } });

    internal void EventDrifted(XProduct product, string type, string path) =>
        drift.Add(1, new TagList { { "product", ProductName(product) }, { "type", type }, { "path", path } });

    internal void HandlerCompleted(XProduct product, string type, TimeSpan elapsed) =>
        handlerDuration.Record(elapsed.TotalSeconds, new TagList { { "product", ProductName(product) }, { "type", type } });

    internal void DedupeHit(XProduct product) => dedupeHits.Add(1, new KeyValuePair<string, object?>("product", ProductName(product)));

    internal void InboxRetried() => inboxRetries.Add(1);

    internal void InboxDeadLettered() => deadLetters.Add(1);

    internal void InboxStatsObserved(long depth, DateTimeOffset? oldestReceivedAt, long deadLetters) =>
        Volatile.Write(ref inboxStats, new InboxGauges(depth, oldestReceivedAt, deadLetters));

    private Measurement<double>[] ObserveOldestAge() => Volatile.Read(ref inboxStats) is { OldestReceivedAt: { } oldest }
        ? [new Measurement<double>((timeProvider.GetUtcNow() - oldest).TotalSeconds)]
        : [];

    internal void CrcAnswered(string outcome) => crcRequests.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    private static string ProductName(XProduct product) => ProductNames.Of(product);

    private sealed record InboxGauges(long Depth, DateTimeOffset? OldestReceivedAt, long DeadLetters);
}
