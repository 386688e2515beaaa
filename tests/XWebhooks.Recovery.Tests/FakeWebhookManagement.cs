using System.Collections.Concurrent;

namespace XWebhooks.Recovery.Tests;

/// <summary>X's management API as the health check and gap recovery see it, answering what the test set.</summary>
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

    /// <summary>Every replay request, in order.</summary>
    public ConcurrentQueue<(string WebhookId, DateTimeOffset From, DateTimeOffset To)> ReplayRequests { get; } = new();

    /// <summary>Answers to replay requests, in order; an exception is thrown. When empty, the job is created.</summary>
    public Queue<object> ReplayAnswers { get; } = new();

    public Task<ReplayRequestResult> CreateReplayJobAsync(string webhookId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        ReplayRequests.Enqueue((webhookId, from, to));
        return ReplayAnswers.TryDequeue(out var answer) switch
        {
            false => Task.FromResult(new ReplayRequestResult(ReplayRequestOutcome.Created, "job-" + ReplayRequests.Count, null)),
            true when answer is Exception ex => Task.FromException<ReplayRequestResult>(ex),
            _ => Task.FromResult((ReplayRequestResult)answer!),
        };
    }
}
