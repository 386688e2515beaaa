using XWebhooks.Security;

namespace XWebhooks.Hosting;

/// <summary>Every registered <see cref="IXWebhookObserver"/>, called in registration order; the endpoints' one seam.</summary>
internal sealed class XWebhookObservers(IEnumerable<IXWebhookObserver> observers)
{
    private readonly IXWebhookObserver[] all = [.. observers];

    public void CrcChecked(bool answered, DateTimeOffset at)
    {
        foreach (var observer in all)
        {
            observer.CrcChecked(answered, at);
        }
    }

    public void SignatureChecked(XSignatureCheck check)
    {
        foreach (var observer in all)
        {
            observer.SignatureChecked(check);
        }
    }

    public void DeliveryCompleted(in XDeliveryObservation delivery)
    {
        foreach (var observer in all)
        {
            observer.DeliveryCompleted(delivery);
        }
    }
}
