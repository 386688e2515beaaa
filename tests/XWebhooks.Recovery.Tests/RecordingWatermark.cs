using System.Collections.Concurrent;

namespace XWebhooks.Recovery.Tests;

/// <summary>An in-memory watermark store that remembers every write and can be told to fail.</summary>
public sealed class RecordingWatermark(DateTimeOffset? stored = null) : IXDeliveryWatermark
{
    private readonly InMemoryDeliveryWatermark inner = new();
    private bool seeded;

    public ConcurrentQueue<DateTimeOffset> Writes { get; } = new();

    public Exception? ReadFailure { get; set; }

    public Exception? WriteFailure { get; set; }

    public async ValueTask<DateTimeOffset?> GetLastReceivedAsync(CancellationToken cancellationToken)
    {
        if (ReadFailure is { } failure)
        {
            throw failure;
        }

        await SeedAsync();
        return await inner.GetLastReceivedAsync(cancellationToken);
    }

    public async ValueTask RecordReceivedAsync(DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        if (WriteFailure is { } failure)
        {
            throw failure;
        }

        await SeedAsync();
        Writes.Enqueue(receivedAt);
        await inner.RecordReceivedAsync(receivedAt, cancellationToken);
    }

    private async ValueTask SeedAsync()
    {
        if (!seeded && stored is { } value)
        {
            await inner.RecordReceivedAsync(value, CancellationToken.None);
        }

        seeded = true;
    }
}
