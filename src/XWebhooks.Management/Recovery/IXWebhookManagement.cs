namespace XWebhooks.Recovery;

/// <summary>
/// The two calls the health check and gap recovery make to X's management API, behind a seam so both can be
/// tested without HTTP. The implementation adapts <c>XWebhooksClient</c> when one is registered.
/// </summary>
internal interface IXWebhookManagement
{
    /// <summary>False when the application registered no management client (<c>AddXWebhooksClient</c>).</summary>
    bool IsAvailable { get; }

    /// <summary>The webhook id resolved by the client's registration helper, when the application uses it and it has finished.</summary>
    string? RegisteredWebhookId { get; }

    /// <summary>
    /// Waits for the client's registration helper to resolve the webhook id (it runs once the server listens);
    /// null at once when the application does not use it, or when it failed.
    /// </summary>
    Task<string?> WaitForRegisteredWebhookIdAsync(CancellationToken cancellationToken);

    /// <summary>The webhook's <c>valid</c> flag at X; null when X lists no webhook with that id. Throws when the call fails.</summary>
    Task<bool?> GetWebhookValidAsync(string webhookId, CancellationToken cancellationToken);

    /// <summary>
    /// Asks X to replay the webhook's events between <paramref name="from"/> and <paramref name="to"/>. X's refusals
    /// come back as the result; transport failures and server errors throw.
    /// </summary>
    Task<ReplayRequestResult> CreateReplayJobAsync(string webhookId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
