namespace XWebhooks.Delivery;

/// <summary>A verified delivery body that is not usable JSON (not JSON at all, or not a JSON object).</summary>
public sealed class XDeliveryFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public XDeliveryFormatException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
