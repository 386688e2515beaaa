using System.Collections.Concurrent;

namespace XWebhooks.Recovery.Tests;

/// <summary>X's management API as gap recovery sees it, answering what the test set.</summary>
internal sealed class FakeWebhookManagement : IXWebhookManagement
{
    public bool IsAvailable { get; set; } = true;

    public string? RegisteredWebhookId { get; set; }

    public Task<string?> WaitForRegisteredWebhookIdAsync(CancellationToken cancellationToken) => Task.FromResult(RegisteredWebhookId);

    // Gap recovery never asks whether the webhook is valid; the health check's tests have their own fake.
    public Task<bool?> GetWebhookValidAsync(string webhookId, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Gap recovery does not check the webhook's validity.");

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
