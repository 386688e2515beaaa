namespace XWebhooks.Cli.Tests;

/// <summary>Polling for something another process does; the deadline only bounds a hang, it is not a timing assertion.</summary>
internal static class Eventually
{
    public static readonly TimeSpan DefaultPatience = TimeSpan.FromSeconds(30);

    /// <summary>Polls until <paramref name="probe"/> gives a value; throws <see cref="TimeoutException"/> after <paramref name="patience"/> (default 30 s).</summary>
    public static Task<T> ValueAsync<T>(Func<T?> probe, TimeSpan? patience = null)
        where T : class
        => ValueAsync(() => Task.FromResult(probe()), patience);

    /// <inheritdoc cref="ValueAsync{T}(Func{T}, TimeSpan?)"/>
    public static async Task<T> ValueAsync<T>(Func<Task<T?>> probe, TimeSpan? patience = null)
        where T : class
    {
        var limit = patience ?? DefaultPatience;
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"gave up after {limit.TotalSeconds} s");
            }

            await Task.Delay(25);
        }
    }
}
