namespace XWebhooks.Emulator;

/// <summary>Where a delivery stands.</summary>
public enum XEmulatorDeliveryState
{
    /// <summary>Sent or waiting for a retry.</summary>
    Pending,

    /// <summary>The webhook answered 200.</summary>
    Delivered,

    /// <summary>Every attempt failed (or the webhook became invalid during the retries).</summary>
    Failed,

    /// <summary>Not sent: the webhook was invalid. It still counts as attempted for replay, as at X.</summary>
    Skipped,
}

/// <summary>One attempt to POST a delivery.</summary>
/// <param name="At">When it started.</param>
/// <param name="Status">The HTTP status, or null when no answer came.</param>
/// <param name="Latency">How long it took.</param>
/// <param name="Error">Why it failed (status, timeout, connection error), or null on 200.</param>
public sealed record XEmulatorAttempt(DateTimeOffset At, int? Status, TimeSpan Latency, string? Error);

/// <summary>One event sent (or meant to be sent) to one webhook, as the emulator's log keeps it.</summary>
/// <param name="Id">The delivery id.</param>
/// <param name="WebhookId">The webhook it went to.</param>
/// <param name="Url">The webhook's URL.</param>
/// <param name="EventKind">The example name, e.g. <c>activity/post.create</c>, or <c>replay_job_status</c>.</param>
/// <param name="Body">The exact bytes sent (replays send the same bytes).</param>
/// <param name="FirstAttemptAt">When it was first attempted (what replay windows select on).</param>
/// <param name="Attempts">Every attempt so far.</param>
/// <param name="State">Where it stands.</param>
/// <param name="IsReplay">True for deliveries made by a replay job.</param>
public sealed record XEmulatorDelivery(
    string Id,
    string WebhookId,
    string Url,
    string EventKind,
    byte[] Body,
    DateTimeOffset FirstAttemptAt,
    IReadOnlyList<XEmulatorAttempt> Attempts,
    XEmulatorDeliveryState State,
    bool IsReplay);
