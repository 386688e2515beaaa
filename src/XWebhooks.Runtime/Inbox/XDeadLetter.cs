namespace XWebhooks.Inbox;

/// <summary>A delivery whose handlers kept failing, kept with its last error so it can be inspected and re-driven.</summary>
/// <param name="Id">The id to pass to <see cref="IXWebhookInbox.RedriveAsync"/>.</param>
/// <param name="Body">The exact verified bytes X sent.</param>
/// <param name="ReceivedAt">When the POST arrived.</param>
/// <param name="Attempts">How many processing attempts were made.</param>
/// <param name="Error">The last failure (exception type and message; never the body).</param>
/// <param name="DeadLetteredAt">When it was moved to the dead letter.</param>
public sealed record XDeadLetter(string Id, ReadOnlyMemory<byte> Body, DateTimeOffset ReceivedAt, int Attempts, string Error, DateTimeOffset DeadLetteredAt);
