namespace XWebhooks.TestSupport;

/// <summary>One counter measurement: the instrument, the value added and its tags.</summary>
public sealed record CounterMeasurement(string Instrument, long Value, IReadOnlyDictionary<string, object?> Tags);
