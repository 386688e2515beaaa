using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using XWebhooks.Diagnostics;
using XWebhooks.Security;

namespace XWebhooks.Hosting;

/// <summary>
/// The signature step of the delivery path: reads both signature headers, verifies them over the exact body
/// (see <see cref="XSignatureVerifier.Verify(ReadOnlySpan{char}, ReadOnlySpan{char}, ReadOnlySpan{byte})"/> for
/// which header decides), reports the outcome to the observers (the health check counts failures), and logs what an operator must act on.
/// </summary>
internal sealed class DeliverySignatureGate(XSignatureVerifier verifier, XWebhookObservers observers, ILogger<DeliverySignatureGate> logger)
{
    private int oauth2VerifiedLogged;
    private int oauth2NotVerifiedLogged;

    /// <summary>True when the body is signed by X; false (already logged) when it must be answered 401.</summary>
    public bool Accepts(IHeaderDictionary headers, ReadOnlySpan<byte> body)
    {
        // One header value is returned as is: no allocation on the usual path.
        var oauth2Header = headers[XWebhookSignature.OAuth2HeaderName].ToString();
        var result = verifier.Verify(headers[XWebhookSignature.HeaderName].ToString(), oauth2Header, body);
        observers.SignatureChecked(result.Check);
        XWebhooksTracing.SignatureChecked(result);
        if (!result.IsValid)
        {
            LogRefusal(result);
            return false;
        }

        if (result.Header == XSignatureHeader.OAuth2)
        {
            if (result.Check == XSignatureCheck.ValidSecondary)
            {
                SignatureLog.SecondaryOAuth2SecretUsed(logger);
            }

            if (Interlocked.Exchange(ref oauth2VerifiedLogged, 1) == 0)
            {
                SignatureLog.FirstOAuth2Verified(logger);
            }

            return true;
        }

        if (result.Check == XSignatureCheck.ValidSecondary)
        {
            XWebhooksLog.SecondarySecretUsed(logger);
        }

        if (!verifier.VerifiesOAuth2Header && !string.IsNullOrWhiteSpace(oauth2Header) && Interlocked.Exchange(ref oauth2NotVerifiedLogged, 1) == 0)
        {
            SignatureLog.OAuth2HeaderNotVerified(logger);
        }

        return true;
    }

    private void LogRefusal(XSignatureResult result)
    {
        switch (result)
        {
            case { Check: XSignatureCheck.SecretNotConfigured }:
                SignatureLog.OAuth2SecretNotConfigured(logger);
                break;
            case { Header: XSignatureHeader.OAuth2 }:
                SignatureLog.OAuth2SignatureRefused(logger, result.Check);
                break;
            default:
                XWebhooksLog.SignatureRefused(logger, result.Check);
                break;
        }
    }
}
