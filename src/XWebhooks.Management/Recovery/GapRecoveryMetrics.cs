using System.Diagnostics;
using System.Diagnostics.Metrics;
using XWebhooks.Diagnostics;

namespace XWebhooks.Recovery;

/// <summary>Gap recovery's instrument on the <c>XWebhooks</c> meter: one count per start's decision.</summary>
internal sealed class GapRecoveryMetrics
{
    private readonly Counter<long> replays;

    public GapRecoveryMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(XWebhooksTelemetry.MeterName);
        replays = meter.CreateCounter<long>("xwebhooks.gap_recovery.replays", "{decision}", "Gap recovery decisions at start, by outcome: a replay job created, refused or failed, or why none was requested.");
    }

    public void Completed(string outcome, bool windowCapped) =>
        replays.Add(1, new TagList { { "outcome", outcome }, { "window_capped", windowCapped } });
}
