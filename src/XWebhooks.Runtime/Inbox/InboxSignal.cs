namespace XWebhooks.Inbox;

/// <summary>Wakes the inbox worker when this process appended a delivery, so new work does not wait for the next poll.</summary>
internal sealed class InboxSignal
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Notify()
    {
        if (signal.CurrentCount == 0)
        {
            try
            {
                signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another append signalled first; one wake-up is enough.
            }
        }
    }

    /// <summary>Waits for an append or for <paramref name="timeout"/>, whichever comes first.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => signal.WaitAsync(timeout, cancellationToken);
}
