namespace XWebhooks.Recovery;

/// <summary>What gap recovery decided at start.</summary>
internal enum GapRecoveryDecision
{
    /// <summary>No watermark was stored: a first run (or a store without memory). Nothing to replay.</summary>
    NoWatermark,

    /// <summary>The last delivery is recent enough that X's own retries cover the restart.</summary>
    GapTooSmall,

    /// <summary>Ask X to replay <see cref="GapRecoveryPlan.From"/>–<see cref="GapRecoveryPlan.To"/>.</summary>
    Replay,
}

/// <summary>A decision with its facts: the stored watermark, the downtime, and the window to replay.</summary>
internal readonly record struct GapRecoveryPlan(
    GapRecoveryDecision Decision,
    DateTimeOffset? LastReceived,
    TimeSpan Gap,
    DateTimeOffset From,
    DateTimeOffset To);
