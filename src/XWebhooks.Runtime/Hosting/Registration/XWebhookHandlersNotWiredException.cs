namespace XWebhooks.Hosting;

/// <summary>
/// Thrown when an event arrives that handlers of an assembly would take but that assembly's handlers were never
/// wired into the receiver (see <see cref="XWebhooksBuilder.AddHandlers"/>). The delivery is answered with a
/// non-200 so X (or the inbox) delivers it again once the app is fixed.
/// </summary>
public sealed class XWebhookHandlersNotWiredException : InvalidOperationException
{
    /// <summary>Creates the exception with a message that names the assembly and the fix.</summary>
    public XWebhookHandlersNotWiredException(string message)
        : base(message)
    {
    }
}
