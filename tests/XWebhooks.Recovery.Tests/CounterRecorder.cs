using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace XWebhooks.Recovery.Tests;

/// <summary>Records the measurements of one counter of the meters created by one <see cref="IMeterFactory"/>.</summary>
public sealed class CounterRecorder : IDisposable
{
    private readonly MeterListener listener = new();

    public CounterRecorder(IMeterFactory scope, string instrumentName)
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == scope && instrument.Name == instrumentName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            Measurements.Enqueue((value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        listener.Start();
    }

    public ConcurrentQueue<(long Value, Dictionary<string, object?> Tags)> Measurements { get; } = new();

    public void Dispose() => listener.Dispose();
}
