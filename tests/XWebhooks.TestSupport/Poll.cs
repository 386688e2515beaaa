namespace XWebhooks.TestSupport;

/// <summary>
/// Waits for something another thread or process does. The timeout only bounds a hang; it is not a timing
/// assertion, so it is generous.
/// </summary>
public static class Poll
{
    /// <summary>How long a poll waits unless told otherwise.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(25);

    /// <summary>Waits until <paramref name="condition"/> holds; throws <see cref="TimeoutException"/> naming <paramref name="what"/> after <paramref name="timeout"/> (default <see cref="DefaultTimeout"/>).</summary>
    public static Task UntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        UntilAsync(() => Task.FromResult(condition()), what, timeout);

    /// <inheritdoc cref="UntilAsync(Func{bool}, string, TimeSpan?)"/>
    public static async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null) =>
        await ValueAsync(async () => await condition() ? string.Empty : null, what, timeout);

    /// <summary>Waits until <paramref name="probe"/> gives a value and returns it; throws <see cref="TimeoutException"/> naming <paramref name="what"/> after <paramref name="timeout"/> (default <see cref="DefaultTimeout"/>).</summary>
    public static Task<T> ValueAsync<T>(Func<T?> probe, string what, TimeSpan? timeout = null)
        where T : class
        => ValueAsync(() => Task.FromResult(probe()), what, timeout);

    /// <inheritdoc cref="ValueAsync{T}(Func{T}, string, TimeSpan?)"/>
    public static async Task<T> ValueAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? timeout = null)
        where T : class
    {
        var limit = timeout ?? DefaultTimeout;
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Gave up after {limit.TotalSeconds} s waiting until {what}");
            }

            await Task.Delay(Interval);
        }
    }
}
