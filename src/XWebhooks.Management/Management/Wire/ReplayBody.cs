namespace XWebhooks.Management.Wire;

/// <summary>Body of <c>POST /2/webhooks/replay</c>; dates are UTC <c>yyyyMMddHHmm</c>.</summary>
internal sealed class ReplayBody
{
    public required string WebhookId { get; init; }

    public required string FromDate { get; init; }

    public required string ToDate { get; init; }
}
