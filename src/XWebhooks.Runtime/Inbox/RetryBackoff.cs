namespace XWebhooks.Inbox;

/// <summary>Exponential backoff with "equal jitter": half the delay fixed, half random, so retries of a burst spread out.</summary>
internal static class RetryBackoff
{
    public static TimeSpan Delay(int attempt, TimeSpan initial, TimeSpan max, double random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        var exponential = initial.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30));
        var capped = Math.Min(exponential, max.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped / 2 + (capped / 2 * random));
    }
}
