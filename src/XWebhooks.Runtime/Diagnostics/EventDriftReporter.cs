using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace XWebhooks.Diagnostics;

/// <summary>
/// Reports values X sent with a type the model does not expect (schema drift): counted on every event as
/// <c>xwebhooks.events.drift</c> by product, type and path, logged once per (type, path). Only the path is
/// reported, never the value. At most <see cref="Capacity"/> distinct (type, path) pairs are kept; later ones are
/// reported with the path <c>other</c>.
/// </summary>
internal sealed class EventDriftReporter(XWebhooksMetrics metrics, ILogger<EventDriftReporter> logger)
{
    public const int Capacity = 256;
    public const string OtherPath = "other";

    private readonly EventTypeNames eventTypeNames = new();
    private readonly ConcurrentDictionary<(string Type, string Path), byte> seen = new();

    /// <param name="product">The product of the event.</param>
    /// <param name="eventType">The event kind, as in the delivery.</param>
    /// <param name="path">The JSON path of the removed value inside the event, array indices as <c>[*]</c>.</param>
    public void Drifted(XProduct product, ReadOnlySpan<byte> eventType, string path)
    {
        var type = eventTypeNames.Get(eventType, out _);
        if (!seen.ContainsKey((type, path)) && seen.Count >= Capacity)
        {
            path = OtherPath;
        }

        if (seen.TryAdd((type, path), 0))
        {
            XWebhooksLog.EventDrifted(logger, product, type, path);
        }

        metrics.EventDrifted(product, type, path);
    }
}
