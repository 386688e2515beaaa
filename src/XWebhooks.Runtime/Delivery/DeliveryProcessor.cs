using System.Diagnostics;
using Microsoft.Extensions.Logging;
using XWebhooks.Diagnostics;

namespace XWebhooks.Delivery;

/// <summary>
/// The transport-independent half of receiving: locate the events of a verified body in one JSON pass,
/// then run the handlers of the routed ones. Used by the inline POST path and by inbox workers alike.
/// </summary>
internal sealed class DeliveryProcessor(
    IXWebhookDispatcher dispatcher,
    XWebhooksMetrics metrics,
    ILogger<DeliveryProcessor> logger,
    IXWebhookDedupe? dedupe,
    TimeSpan dedupeRetention)
{
    private readonly EventTypeNames eventTypeNames = new();

    /// <summary>Reads every event before any handler runs, so a malformed tail cannot leave a half-handled delivery.</summary>
    /// <exception cref="XDeliveryFormatException">The body is not valid JSON or not a JSON object.</exception>
    public LocatedDelivery Locate(ReadOnlyMemory<byte> body, DateTimeOffset receivedAt, int attempt = 1)
    {
        List<RoutedEvent>? routed = null;
        var span = XWebhooksTracing.RecordingSpan();
        List<string>? spanEventTypes = null;
        var reader = new XDeliveryReader(body);
        while (reader.TryReadNext(out var payload))
        {
            var route = dispatcher.Route(payload.Product, payload.EventType.Span);
            var type = eventTypeNames.Get(payload.EventType.Span, out var firstSeen);
            if (span is not null)
            {
                XWebhooksTracing.CollectEventType(ref spanEventTypes, type);
            }

            if (route < 0)
            {
                metrics.EventCounted(payload.Product, type, XWebhooksOutcomes.Unhandled);
                if (firstSeen)
                {
                    XWebhooksLog.UnhandledEventType(logger, payload.Product, type);
                }

                continue;
            }

            (routed ??= []).Add(new RoutedEvent(route, payload, type));
        }

        XWebhooksTracing.EventTypesLocated(span, spanEventTypes);

        // A delivery with one routed event (XAA, filtered stream, most AAA bodies) carries its JSON from the start.
        var eventJson = routed is [var only] ? only.Payload.Json : default;
        return new LocatedDelivery(new XDelivery(reader.Product, body, receivedAt, reader.ForUserId, attempt, eventJson), (IReadOnlyList<RoutedEvent>?)routed ?? []);
    }

    /// <summary>
    /// Runs the handlers of every routed event, in order, stopping at the first failure (X or the inbox
    /// redelivers the whole delivery). With a dedupe store, an event already processed is skipped and an event
    /// is marked processed once all its handlers succeeded.
    /// </summary>
    public async Task DispatchAsync(LocatedDelivery located, IServiceProvider services, CancellationToken cancellationToken)
    {
        foreach (var item in located.Routed)
        {
            var key = dedupe is null ? null : DedupeKeys.For(item.Payload, located.Delivery.ForUserId);
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
}
