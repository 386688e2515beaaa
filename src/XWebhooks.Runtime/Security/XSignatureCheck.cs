namespace XWebhooks.Security;

/// <summary>
/// The outcome of checking a signature header (<c>x-twitter-webhooks-signature</c> against the consumer secrets, or
/// <c>x-twitter-webhooks-signature-oauth2</c> against the OAuth 2.0 client secrets).
/// </summary>
public enum XSignatureCheck
{
    /// <summary>The header is absent or blank.</summary>
    Missing = 0,

    /// <summary>The header is not <c>sha256=</c> followed by the base64 of a 32-byte digest.</summary>
    Malformed = 1,

    /// <summary>The header is well formed but matches no configured secret.</summary>
    Mismatch = 2,

    /// <summary>The signature matches the primary secret.</summary>
    ValidPrimary = 3,

    /// <summary>The signature matches the secondary secret (a rotation is in progress).</summary>
    ValidSecondary = 4,

    /// <summary>
    /// Only the OAuth2 header is present and no OAuth 2.0 client secret is configured to check it
    /// (set <c>XWebhooks:OAuth2ClientSecret</c>).
    /// </summary>
    SecretNotConfigured = 5,
}
