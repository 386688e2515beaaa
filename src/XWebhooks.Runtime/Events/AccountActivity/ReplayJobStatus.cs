using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using XWebhooks.Serialization;

namespace XWebhooks.Events.AccountActivity;

/// <summary>
/// The <c>replay_job_status</c> object (one per delivery, not an array). X sends it when a replay job created
/// with <c>POST /2/webhooks/replay</c> ends; afterwards another job can be submitted. Documented for the Account
/// Activity replay; replayed events themselves carry no replay marker.
/// </summary>
[XEventType(XProduct.AccountActivity, "replay_job_status")]
public sealed class ReplayJobStatus : IXEvent<ReplayJobStatus>
{
    /// <summary>Source-generated JSON metadata for this type.</summary>
    public static JsonTypeInfo<ReplayJobStatus> JsonTypeInfo => XAccountActivityJsonContext.Default.ReplayJobStatus;

    /// <summary>The webhook the job replayed to (<c>webhook_id</c>).</summary>
    public string? WebhookId { get; set; }

    /// <summary>The final state (<c>job_state</c>): <c>Complete</c>, or <c>Incomplete</c> when not every event was delivered.</summary>
    public string? JobState { get; set; }

    /// <summary>A human-readable explanation (<c>job_state_description</c>).</summary>
    public string? JobStateDescription { get; set; }

    /// <summary>The replay job's id (<c>job_id</c>), as returned when the job was created.</summary>
    public string? JobId { get; set; }

    /// <summary>True when <see cref="JobState"/> is <c>Complete</c> (case-insensitive). Otherwise retry the replay.</summary>
    [JsonIgnore]
    public bool IsComplete => string.Equals(JobState, "Complete", StringComparison.OrdinalIgnoreCase);
}
