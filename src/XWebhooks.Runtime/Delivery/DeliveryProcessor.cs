using System.Diagnostics;
using Microsoft.Extensions.Logging;
using XWebhooks.Diagnostics;

namespace XWebhooks.Delivery;

/// <summary>
/// The transport-independent half of receiving: locate the events of a verified body in one JSON pass (or restore
/// them from the <see cref="EventIndex"/> the POST path stored with the body), then run the handlers of the routed
/// ones. Used by the inline POST path and by inbox workers alike.
/// </summary>
internal sealed class DeliveryProcessor(
    IXWebhookDispatcher dispatcher,
    XWebhooksMetrics metrics,
    ILogger<DeliveryProcessor> logger,
    IXWebhookDedupe? dedupe,
    TimeSpan dedupeRetention)
{
    private readonly EventTypeNames eventTypeNames = new();
    private long storedBodyReads;

    /// <summary>How many stored deliveries were located by reading their body again (no usable event index).</summary>
    internal long StoredBodyReads => Interlocked.Read(ref storedBodyReads);

    /// <summary>Reads every event before any handler runs, so a malformed tail cannot leave a half-handled delivery.</summary>
    /// <param name="body">The verified body.</param>
    /// <param name="receivedAt">When the POST arrived.</param>
    /// <param name="attempt">1 on the POST path; the inbox attempt otherwise.</param>
    /// <param name="purpose">What the located delivery is for: it decides what is kept, computed and counted.</param>
    /// <exception cref="XDeliveryFormatException">The body is not valid JSON or not a JSON object.</exception>
    public LocatedDelivery Locate(ReadOnlyMemory<byte> body, DateTimeOffset receivedAt, int attempt = 1, LocatePurpose purpose = LocatePurpose.Dispatch)
    {
        var keepAll = purpose == LocatePurpose.Store;
        var span = XWebhooksTracing.RecordingSpan();
        List<string>? spanEventTypes = null;

        // Most deliveries carry one event: it needs no list.
        RoutedEvent first = default;
        List<RoutedEvent>? more = null;
        var count = 0;
        var reader = new XDeliveryReader(body);
        while (reader.TryReadNext(out var payload))
        {
            var (route, type, firstSeen) = Route(payload, span, ref spanEventTypes);

            if (route < 0)
            {
                // A stored body was located (and its unhandled events counted) on the POST path already.
                if (purpose != LocatePurpose.StoredBody)
                {
                    CountUnhandled(payload.Product, type, firstSeen);
                }

                if (!keepAll)
                {
                    continue;
                }
            }

            var item = new RoutedEvent(route, payload, type);
            if (count++ == 0)
            {
                first = item;
            }
            else
            {
                (more ??= [first]).Add(item);
            }
        }

        XWebhooksTracing.EventTypesLocated(span, spanEventTypes);
        IReadOnlyList<RoutedEvent> events = count switch
        {
            0 => [],
            1 => new[] { first },
            _ => more!,
        };

        var shape = new XDeliveryShape(reader.Product, body, receivedAt, reader.ForUserId, attempt);
        return keepAll ? ForStore(shape, events) : Create(shape, events);
    }

    /// <summary>
    /// The located events of a stored delivery: from its <paramref name="index"/> without reading the JSON, or, when the
    /// index is empty or does not fit the body, by locating them again. Every event is routed anew, so handlers added
    /// since the delivery was acknowledged run too.
    /// </summary>
    /// <exception cref="XDeliveryFormatException">No usable index, and the body is not valid JSON or not a JSON object.</exception>
    public LocatedDelivery LocateStored(ReadOnlyMemory<byte> body, ReadOnlyMemory<byte> index, DateTimeOffset receivedAt, int attempt)
    {
        if (index.IsEmpty || !EventIndex.TryRead(index, body, out var stored))
        {
            Interlocked.Increment(ref storedBodyReads);
            return Locate(body, receivedAt, attempt, LocatePurpose.StoredBody);
        }

        var span = XWebhooksTracing.RecordingSpan();
        List<string>? spanEventTypes = null;
        var routed = new List<RoutedEvent>(stored.Events.Length);
        foreach (var item in stored.Events)
        {
            var (route, type, firstSeen) = Route(item.Payload, span, ref spanEventTypes);

            if (route < 0)
            {
                // Counted on the POST path unless a handler took it then (and is gone since a redeploy).
                if (item.RoutedAtAck)
                {
                    CountUnhandled(item.Payload.Product, type, firstSeen);
                }

                continue;
            }

            routed.Add(new RoutedEvent(route, item.Payload, type) { DedupeKeyComputed = item.DedupeKeyComputed, DedupeKey = item.DedupeKey });
        }

        XWebhooksTracing.EventTypesLocated(span, spanEventTypes);
        return Create(new XDeliveryShape(stored.Product, body, receivedAt, stored.ForUserId, attempt), routed);
    }

    /// <summary>
    /// True when a dedupe store is registered and every routed event of <paramref name="located"/> has a dedupe key
    /// that was already processed (X's retries and replays): then the delivery needs neither storing nor handling,
    /// and each event counts as a dedupe hit. Keys come from <see cref="LocatePurpose.Store"/>.
    /// </summary>
    /// <remarks>Whatever the dedupe store throws is thrown.</remarks>
    public async ValueTask<bool> WasEveryEventProcessedAsync(LocatedDelivery located, CancellationToken cancellationToken)
    {
        if (dedupe is null || located.Routed.Count == 0)
        {
            return false;
        }

        for (var i = 0; i < located.Routed.Count; i++)
        {
            var item = located.Routed[i];
            var key = DedupeKeyOf(item, located.Delivery.ForUserId);
            if (key is null || !await dedupe.WasProcessedAsync(key, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }

        for (var i = 0; i < located.Routed.Count; i++)
        {
            metrics.DedupeHit(located.Routed[i].Payload.Product);
        }

        return true;
    }

    /// <summary>
    /// Runs the handlers of every routed event, in order, stopping at the first failure (X or the inbox
    /// redelivers the whole delivery). With a dedupe store, an event already processed is skipped and an event
    /// is marked processed once all its handlers succeeded.
    /// </summary>
    public async Task DispatchAsync(LocatedDelivery located, IServiceProvider services, CancellationToken cancellationToken)
    {
        // By index: a foreach over the interface would allocate an enumerator per delivery.
        var routed = located.Routed;
        for (var i = 0; i < routed.Count; i++)
        {
            var item = routed[i];
            var key = dedupe is null ? null : DedupeKeyOf(item, located.Delivery.ForUserId);
            if (key is not null && await dedupe!.WasProcessedAsync(key, cancellationToken).ConfigureAwait(false))
            {
                metrics.DedupeHit(item.Payload.Product);
                continue;
            }

            var delivery = located.Delivery.ForEvent(item.Payload.Json);
            var started = Stopwatch.GetTimestamp();
            try
            {
                await dispatcher.DispatchAsync(item.Route, item.Payload, delivery, services, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                metrics.EventCounted(item.Payload.Product, item.EventType, XWebhooksOutcomes.Failed);
                if (!cancellationToken.IsCancellationRequested)
                {
                    XWebhooksLog.HandlerFailed(logger, ex, item.Payload.Product, item.EventType);
                }

                throw;
            }

            metrics.HandlerCompleted(item.Payload.Product, item.EventType, Stopwatch.GetElapsedTime(started));
            metrics.EventCounted(item.Payload.Product, item.EventType, XWebhooksOutcomes.Handled);
            if (key is not null)
            {
                await dedupe!.MarkProcessedAsync(key, dedupeRetention, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The dispatcher's route of one located event and its kind's name, collected for the delivery's span when it records.</summary>
    private (int Route, string Type, bool FirstSeen) Route(XEventPayload payload, Activity? span, ref List<string>? spanEventTypes)
    {
        var route = dispatcher.Route(payload.Product, payload.EventType.Span);
        var type = eventTypeNames.Get(payload.EventType.Span, out var firstSeen);
        if (span is not null)
        {
            XWebhooksTracing.CollectEventType(ref spanEventTypes, type);
        }

        return (route, type, firstSeen);
    }

    /// <summary>The event's dedupe key: the one the POST path computed (kept in the event index), or computed now.</summary>
    private static string? DedupeKeyOf(RoutedEvent item, string? forUserId) =>
        item.DedupeKeyComputed ? item.DedupeKey : DedupeKeys.For(item.Payload, forUserId);

    private void CountUnhandled(XProduct product, string type, bool firstSeen)
    {
        metrics.EventCounted(product, type, XWebhooksOutcomes.Unhandled);
        if (firstSeen)
        {
            XWebhooksLog.UnhandledEventType(logger, product, type);
        }
    }

    /// <summary>Keeps every event for the index, with the dedupe keys of the routed ones computed once, here.</summary>
    /// <param name="shape">The delivery.</param>
    /// <param name="events">Every located event; an array this pass created is keyed in place.</param>
    private LocatedDelivery ForStore(XDeliveryShape shape, IReadOnlyList<RoutedEvent> events)
    {
        var all = events as RoutedEvent[] ?? [.. events];
        var routedCount = 0;
        for (var i = 0; i < all.Length; i++)
        {
            if (all[i].Route < 0)
            {
                continue;
            }

            routedCount++;
            if (dedupe is not null)
            {
                all[i] = all[i] with { DedupeKeyComputed = true, DedupeKey = DedupeKeys.For(all[i].Payload, shape.ForUserId) };
            }
        }

        var routed = routedCount == all.Length ? all : all.Where(static e => e.Route >= 0).ToArray();
        return Create(shape, routed, all);
    }

    private static LocatedDelivery Create(XDeliveryShape shape, IReadOnlyList<RoutedEvent> routed, IReadOnlyList<RoutedEvent>? all = null)
    {
        // A delivery with one routed event (XAA, filtered stream, most AAA bodies) carries its JSON from the start.
        var eventJson = routed.Count == 1 ? routed[0].Payload.Json : default;
        return new LocatedDelivery(new XDelivery(shape.Product, shape.Body, shape.ReceivedAt, shape.ForUserId, shape.Attempt, eventJson), routed) { All = all ?? routed };
    }

    private readonly record struct XDeliveryShape(XProduct Product, ReadOnlyMemory<byte> Body, DateTimeOffset ReceivedAt, string? ForUserId, int Attempt);
}
