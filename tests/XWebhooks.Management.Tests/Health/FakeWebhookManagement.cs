using XWebhooks.Recovery;

namespace XWebhooks.Management.Tests.Health;

/// <summary>X's management API as the health check sees it, answering what the test set.</summary>
internal sealed class FakeWebhookManagement : IXWebhookManagement
{
    private int validityCalls;

    public bool IsAvailable { get; set; } = true;

    public string? RegisteredWebhookId { get; set; }

    public Task<string?> WaitForRegisteredWebhookIdAsync(CancellationToken cancellationToken) => Task.FromResult(RegisteredWebhookId);

    /// <summary>The <c>valid</c> flag per listed webhook id.</summary>
    public Dictionary<string, bool> Webhooks { get; } = new(StringComparer.Ordinal);

    public Exception? Failure { get; set; }

    public int ValidityCalls => Volatile.Read(ref validityCalls);

    public Task<bool?> GetWebhookValidAsync(string webhookId, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref validityCalls);
        if (Failure is { } failure)
        {
            return Task.FromException<bool?>(failure);
        }

        return Task.FromResult<bool?>(Webhooks.TryGetValue(webhookId, out var valid) ? valid : null);
    }

    // The health check never asks for a replay; gap recovery's tests have their own fake.
    public Task<ReplayRequestResult> CreateReplayJobAsync(string webhookId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The health check does not request replays.");
}
