namespace XWebhooks.Tests.Drift;

/// <summary>What a receiver reported about drift: the counter totals and the warnings it logged.</summary>
internal static class DriftReadings
{
    /// <summary>The <c>xwebhooks.events.drift</c> totals by their tags ("path=…;product=…;type=…").</summary>
    public static Dictionary<string, long> Drift(this TestReceiver receiver) => receiver.Counters.TotalsOf("xwebhooks.events.drift");

    /// <summary>The drift warnings logged (one per event type and path).</summary>
    public static List<LogEntry> DriftWarnings(this TestReceiver receiver) =>
        [.. receiver.Logs.Entries.Where(e => e.EventId.Name == "EventDrifted")];
}
