using System.Text;

namespace XWebhooks.Security;

/// <summary>
/// Verifies X signatures and answers CRCs with the app's consumer secret, and during a rotation also
/// accepts signatures made with a secondary secret. Thread-safe; keys are encoded once.
/// </summary>
public sealed class XSignatureVerifier
{
    private readonly byte[] primaryKey;
    private readonly byte[]? secondaryKey;

    /// <summary>Creates a verifier.</summary>
    /// <param name="consumerSecret">The X app's consumer secret (API Key Secret).</param>
    /// <param name="secondaryConsumerSecret">An additional secret accepted on POSTs while rotating, or null.</param>
    public XSignatureVerifier(string consumerSecret, string? secondaryConsumerSecret = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(consumerSecret);
        primaryKey = Encoding.UTF8.GetBytes(consumerSecret);
        secondaryKey = string.IsNullOrEmpty(secondaryConsumerSecret) ? null : Encoding.UTF8.GetBytes(secondaryConsumerSecret);
    }

    /// <summary>Checks a POST's <c>x-twitter-webhooks-signature</c> value against the exact body bytes, in constant time.</summary>
    public XSignatureCheck Verify(ReadOnlySpan<char> signatureHeader, ReadOnlySpan<byte> body)
    {
        if (signatureHeader.IsWhiteSpace())
        {
            return XSignatureCheck.Missing;
        }

        Span<byte> claimed = stackalloc byte[XWebhookSignature.DigestLength];
        if (!XWebhookSignature.TryParse(signatureHeader, claimed))
        {
            return XSignatureCheck.Malformed;
        }

        if (XWebhookSignature.Matches(claimed, body, primaryKey))
        {
            return XSignatureCheck.ValidPrimary;
        }

        return secondaryKey is not null && XWebhookSignature.Matches(claimed, body, secondaryKey)
            ? XSignatureCheck.ValidSecondary
            : XSignatureCheck.Mismatch;
    }

    /// <summary>The CRC response body for a token-shaped <c>crc_token</c>, signed with the primary secret.</summary>
    /// <exception cref="ArgumentException">The token is not token-shaped.</exception>
    public byte[] CreateCrcResponseBody(ReadOnlySpan<char> crcToken) => XCrc.CreateResponseBody(primaryKey, crcToken);
}
