using XWebhooks.OptionsValidation;

namespace XWebhooks.Health;

/// <summary>Thresholds of the XWebhooks health check (<c>AddXWebhooksHealthCheck</c>).</summary>
public sealed class XWebhooksHealthCheckOptions : IOptionsSection
{
    string IOptionsSection.SectionPath => "XWebhooks:Health";

    /// <summary>
    /// Unhealthy when no CRC challenge was answered for longer than this, measured from the application's start
    /// while none was answered yet. X re-checks a webhook at least every 24 hours, so the default is 25 hours.
    /// </summary>
    public TimeSpan CrcStaleAfter { get; set; } = TimeSpan.FromHours(25);

    /// <summary>The sliding window over which signature failures are compared with verified deliveries. Default 10 minutes.</summary>
    public TimeSpan SignatureWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Degraded when more than this share (0–1) of the signed requests in <see cref="SignatureWindow"/> failed
    /// verification: a wrong or half-rotated consumer secret, or someone forging deliveries. Default 0.1.
    /// </summary>
    public double SignatureFailureRateThreshold { get; set; } = 0.1;

    /// <summary>The rate is judged only once the window holds at least this many signed requests. Default 20.</summary>
    public int MinimumSignatureAttempts { get; set; } = 20;

    /// <summary>
    /// Ask X whether the webhook is valid (<c>GET /2/webhooks</c>) when a management client and a webhook id are
    /// available. Default true.
    /// </summary>
    public bool CheckWebhookAtX { get; set; } = true;

    /// <summary>
    /// The webhook to look up at X. When null, the gap recovery's <c>WebhookId</c> or the id resolved by the
    /// management client's registration helper is used.
    /// </summary>
    public string? WebhookId { get; set; }

    /// <summary>
    /// How long X's answer (or its failure) is reused before X is asked again, so frequent probes stay far below
    /// the management API's rate limit (450 requests per 15 minutes per app). Default 5 minutes.
    /// </summary>
    public TimeSpan WebhookStatusCacheDuration { get; set; } = TimeSpan.FromMinutes(5);
}
