namespace XWebhooks.Management.Wire;

/// <summary>Body of <c>POST /2/webhooks</c>.</summary>
internal sealed class CreateWebhookBody
{
    public required string Url { get; init; }
}
