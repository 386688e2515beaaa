namespace XWebhooks.Security;

/// <summary>The outcome of checking an <c>x-twitter-webhooks-signature</c> header.</summary>
public enum XSignatureCheck
{
    /// <summary>The header is absent or blank.</summary>
    Missing = 0,

    /// <summary>The header is not <c>sha256=</c> followed by the base64 of a 32-byte digest.</summary>
    Malformed = 1,

    /// <summary>The header is well formed but matches no configured consumer secret.</summary>
    Mismatch = 2,

    /// <summary>The signature matches the primary consumer secret.</summary>
    ValidPrimary = 3,

    /// <summary>The signature matches the secondary consumer secret (a rotation is in progress).</summary>
    ValidSecondary = 4,
}
