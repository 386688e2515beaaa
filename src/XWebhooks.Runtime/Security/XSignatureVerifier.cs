using System.Text;

namespace XWebhooks.Security;

/// <summary>
/// Verifies X signatures and answers CRCs. Checks <c>x-twitter-webhooks-signature</c> with the app's consumer
/// secret and, when an OAuth 2.0 client secret is configured, <c>x-twitter-webhooks-signature-oauth2</c> with it;
/// during a rotation also accepts signatures made with a secondary secret of either kind. Thread-safe; keys are
/// encoded once; verifying allocates nothing.
/// </summary>
public sealed class XSignatureVerifier
{
    private readonly byte[] primaryKey;
    private readonly byte[]? secondaryKey;
    private readonly byte[]? oauth2PrimaryKey;
    private readonly byte[]? oauth2SecondaryKey;
    private readonly byte[] crcKey;

    /// <summary>Creates a verifier of the classic header only, answering CRCs with the consumer secret.</summary>
    /// <param name="consumerSecret">The X app's consumer secret (API Key Secret).</param>
    /// <param name="secondaryConsumerSecret">An additional secret accepted on POSTs while rotating, or null.</param>
    public XSignatureVerifier(string consumerSecret, string? secondaryConsumerSecret = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(consumerSecret);
        primaryKey = Encoding.UTF8.GetBytes(consumerSecret);
        secondaryKey = KeyOrNull(secondaryConsumerSecret);
        crcKey = primaryKey;
    }

    /// <summary>Creates a verifier of both signature headers.</summary>
    /// <param name="consumerSecret">The X app's consumer secret (API Key Secret).</param>
    /// <param name="secondaryConsumerSecret">An additional consumer secret accepted on POSTs while rotating, or null.</param>
    /// <param name="oauth2ClientSecret">The app's OAuth 2.0 client secret, or null to not verify the OAuth2 header.</param>
    /// <param name="secondaryOAuth2ClientSecret">An additional OAuth 2.0 client secret accepted on POSTs while rotating, or null.</param>
    /// <param name="crcSecret">Which secret signs CRC answers. Default: the consumer secret.</param>
    /// <exception cref="ArgumentException">
    /// The consumer secret is blank, a secondary OAuth 2.0 client secret is given without a primary one, or the
    /// CRC is to be answered with an OAuth 2.0 client secret that is not given.
    /// </exception>
    public XSignatureVerifier(string consumerSecret, string? secondaryConsumerSecret, string? oauth2ClientSecret, string? secondaryOAuth2ClientSecret = null, XCrcSecret crcSecret = XCrcSecret.ConsumerSecret)
        : this(consumerSecret, secondaryConsumerSecret)
    {
        oauth2PrimaryKey = KeyOrNull(oauth2ClientSecret);
        oauth2SecondaryKey = KeyOrNull(secondaryOAuth2ClientSecret);
        if (oauth2PrimaryKey is null && oauth2SecondaryKey is not null)
        {
            throw new ArgumentException("A secondary OAuth 2.0 client secret needs the primary one.", nameof(secondaryOAuth2ClientSecret));
        }

        crcKey = crcSecret switch
        {
            XCrcSecret.ConsumerSecret => primaryKey,
            XCrcSecret.OAuth2ClientSecret => oauth2PrimaryKey ?? throw new ArgumentException("CRC answers are to be signed with the OAuth 2.0 client secret, but none is given.", nameof(crcSecret)),
            _ => throw new ArgumentOutOfRangeException(nameof(crcSecret), crcSecret, null),
        };
        CrcSecret = crcSecret;
    }

    /// <summary>True when an OAuth 2.0 client secret is configured, so the OAuth2 header is verified.</summary>
    public bool VerifiesOAuth2Header => oauth2PrimaryKey is not null;

    /// <summary>Which secret signs CRC answers.</summary>
    public XCrcSecret CrcSecret { get; } = XCrcSecret.ConsumerSecret;

    /// <summary>Checks a POST's <c>x-twitter-webhooks-signature</c> value against the exact body bytes, in constant time.</summary>
    public XSignatureCheck Verify(ReadOnlySpan<char> signatureHeader, ReadOnlySpan<byte> body) =>
        Check(signatureHeader, body, primaryKey, secondaryKey);

    /// <summary>
    /// Checks a POST carrying either or both signature headers, in constant time:
    /// <list type="bullet">
    /// <item>the OAuth2 header present and an OAuth 2.0 client secret configured: that header decides (a wrong
    /// one is refused, never made up for by the classic header);</item>
    /// <item>the OAuth2 header present but no OAuth 2.0 client secret configured: the classic header decides, and
    /// without one the result is <see cref="XSignatureCheck.SecretNotConfigured"/>;</item>
    /// <item>otherwise: the classic header decides, as <see cref="Verify(ReadOnlySpan{char}, ReadOnlySpan{byte})"/>.</item>
    /// </list>
    /// </summary>
    /// <param name="signatureHeader">The <c>x-twitter-webhooks-signature</c> value, empty when absent.</param>
    /// <param name="oauth2SignatureHeader">The <c>x-twitter-webhooks-signature-oauth2</c> value, empty when absent.</param>
    /// <param name="body">The exact body bytes received.</param>
    public XSignatureResult Verify(ReadOnlySpan<char> signatureHeader, ReadOnlySpan<char> oauth2SignatureHeader, ReadOnlySpan<byte> body)
    {
        if (!oauth2SignatureHeader.IsWhiteSpace())
        {
            if (oauth2PrimaryKey is not null)
            {
                return new(XSignatureHeader.OAuth2, Check(oauth2SignatureHeader, body, oauth2PrimaryKey, oauth2SecondaryKey));
            }

            if (signatureHeader.IsWhiteSpace())
            {
                return new(XSignatureHeader.OAuth2, XSignatureCheck.SecretNotConfigured);
            }
        }

        return new(XSignatureHeader.Classic, Verify(signatureHeader, body));
    }

    /// <summary>The CRC response body for a token-shaped <c>crc_token</c>, signed with the secret <see cref="CrcSecret"/> names.</summary>
    /// <exception cref="ArgumentException">The token is not token-shaped.</exception>
    public byte[] CreateCrcResponseBody(ReadOnlySpan<char> crcToken) => XCrc.CreateResponseBody(crcKey, crcToken);

    private static XSignatureCheck Check(ReadOnlySpan<char> header, ReadOnlySpan<byte> body, byte[] primary, byte[]? secondary)
    {
        if (header.IsWhiteSpace())
        {
            return XSignatureCheck.Missing;
        }

        Span<byte> claimed = stackalloc byte[XWebhookSignature.DigestLength];
        if (!XWebhookSignature.TryParse(header, claimed))
        {
            return XSignatureCheck.Malformed;
        }

        if (XWebhookSignature.Matches(claimed, body, primary))
        {
            return XSignatureCheck.ValidPrimary;
        }

        return secondary is not null && XWebhookSignature.Matches(claimed, body, secondary)
            ? XSignatureCheck.ValidSecondary
            : XSignatureCheck.Mismatch;
    }

    private static byte[]? KeyOrNull(string? secret) => string.IsNullOrEmpty(secret) ? null : Encoding.UTF8.GetBytes(secret);
}
