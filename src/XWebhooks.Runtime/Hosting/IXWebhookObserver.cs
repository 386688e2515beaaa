using XWebhooks.Security;

namespace XWebhooks.Hosting;

/// <summary>
/// Observes what the webhook endpoints did, after the fact: metrics, the health check and gap recovery's
/// watermark are observers. Register one with
/// <c>services.TryAddEnumerable(ServiceDescriptor.Singleton&lt;IXWebhookObserver, MyObserver&gt;())</c>.
/// </summary>
/// <remarks>
/// Calls happen on the request path, synchronously, once per request: keep them to a counter or a volatile
/// write. An observer that throws fails the request. Implement only the members you need.
/// </remarks>
public interface IXWebhookObserver
{
    /// <summary>A CRC challenge was answered (<paramref name="answered"/>) or refused as malformed.</summary>
    void CrcChecked(bool answered, DateTimeOffset at)
    {
    }

    /// <summary>The signature of a POST was checked, before anything was parsed.</summary>
    void SignatureChecked(XSignatureCheck check)
    {
    }

    /// <summary>A POST was answered (or abandoned by the client).</summary>
    void DeliveryCompleted(in XDeliveryObservation delivery)
    {
    }
}
