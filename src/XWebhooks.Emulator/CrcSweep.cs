namespace XWebhooks.Emulator;

/// <summary>
/// X's periodic CRC: checks every registered webhook now; a failure makes the webhook invalid (it then receives
/// nothing until a <c>PUT /2/webhooks/:id</c> passes), a pass makes it valid again.
/// </summary>
internal static class CrcSweep
{
    /// <summary>Each webhook's id and why its CRC failed (null when it passed), in registration order.</summary>
    public static async Task<IReadOnlyList<(string WebhookId, string? Failure)>> RunAsync(EmulatorServices x, CancellationToken cancellationToken)
    {
        List<EmulatedWebhook> webhooks;
        lock (x.State.Gate)
        {
            webhooks = [.. x.State.Webhooks];
        }

        var results = new List<(string, string?)>(webhooks.Count);
        foreach (var webhook in webhooks)
        {
            var failure = await x.Crc.CheckAsync(webhook.Url, cancellationToken).ConfigureAwait(false);
            if (failure is not null)
            {
                EmulatorLog.CrcFailed(x.Logger, webhook.Url, failure);
            }

            WebhookEndpoints.SetValid(x, webhook, failure is null);
            results.Add((webhook.Id, failure));
        }

        return results;
    }

    /// <summary>Runs <see cref="RunAsync"/> every <paramref name="interval"/> until <paramref name="stopping"/> fires.</summary>
    public static async Task LoopAsync(EmulatorServices x, TimeSpan interval, CancellationToken stopping)
    {
        try
        {
            while (true)
            {
                await Task.Delay(interval, x.Time, stopping).ConfigureAwait(false);
                await RunAsync(x, stopping).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopped.
        }
    }
}
