namespace XWebhooks.Recovery;

/// <summary>How X answered a replay request, sorted into what gap recovery treats differently.</summary>
internal enum ReplayRequestOutcome
{
    /// <summary>X created the replay job.</summary>
    Created,

    /// <summary><c>ReplayConflictError</c>: a replay job for this webhook is still running.</summary>
    Conflict,

    /// <summary><c>QueryParamInvalid</c>: X refused the window (too old, in the future, or from after to).</summary>
    InvalidWindow,

    /// <summary>Any other refusal (unknown webhook id, failed CRC, missing permission, …).</summary>
    Rejected,
}

/// <summary>The answer to one replay request: the job id when created, else X's reason.</summary>
internal sealed record ReplayRequestResult(ReplayRequestOutcome Outcome, string? JobId, string? Detail);
