using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace XWebhooks.TestSupport;

/// <summary>
/// Records the <see cref="long"/> counter measurements of the meters one <see cref="IMeterFactory"/> created (so
/// tests running side by side do not see each other's), optionally of one instrument only.
/// </summary>
public sealed class CounterRecorder : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentDictionary<string, long> totals = new(StringComparer.Ordinal);

    /// <summary>Starts recording the counters of the meters <paramref name="scope"/> creates.</summary>
    /// <param name="scope">The meter factory whose meters are recorded.</param>
    /// <param name="instrumentName">The one instrument to record, or <see langword="null"/> for all of them.</param>
    public CounterRecorder(IMeterFactory scope, string? instrumentName = null)
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == scope && (instrumentName is null || instrument.Name == instrumentName))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var tagList = tags.ToArray();
            Measurements.Enqueue(new CounterMeasurement(instrument.Name, value, tagList.ToDictionary(t => t.Key, t => t.Value)));
            var key = instrument.Name + string.Concat(tagList.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $";{t.Key}={t.Value}"));
            totals.AddOrUpdate(key, value, (_, old) => old + value);
        });
        listener.Start();
    }

    /// <summary>Every measurement, in the order recorded.</summary>
    public ConcurrentQueue<CounterMeasurement> Measurements { get; } = new();

    /// <summary>The totals so far, keyed "name;tag=value;…" with the tags sorted by key.</summary>
    public IReadOnlyDictionary<string, long> Totals => totals;

    /// <summary>The total of one key ("name;tag=value;…", tags sorted by key); 0 if nothing was counted under it.</summary>
    public long Total(string key) => totals.GetValueOrDefault(key);

    /// <summary>The totals of one instrument, keyed by their tags alone ("tag=value;…", sorted by key).</summary>
    public Dictionary<string, long> TotalsOf(string instrument) => totals
        .Where(t => t.Key.StartsWith(instrument + ";", StringComparison.Ordinal))
        .ToDictionary(t => t.Key[(instrument.Length + 1)..], t => t.Value, StringComparer.Ordinal);

    /// <inheritdoc />
    public void Dispose() => listener.Dispose();
}
