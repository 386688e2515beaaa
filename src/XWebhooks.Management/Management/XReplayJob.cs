namespace XWebhooks.Management;

/// <summary>A replay job created with <c>POST /2/webhooks/replay</c>. X sends a <c>replay_job_status</c> event to the webhook when it ends.</summary>
/// <param name="JobId">X's job id.</param>
/// <param name="CreatedAt">When the job was created, when X says.</param>
public sealed record XReplayJob(string JobId, DateTimeOffset? CreatedAt);
