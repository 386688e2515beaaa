namespace XWebhooks.Emulator;

/// <summary>Which signature headers the emulator puts on each delivery.</summary>
public enum XEmulatorSignatureHeaders
{
    /// <summary><c>x-twitter-webhooks-signature</c> keyed with the consumer secret: what X's official pages describe. The default.</summary>
    Classic = 0,

    /// <summary>
    /// Only <c>x-twitter-webhooks-signature-oauth2</c>, keyed with <see cref="XEmulatorOptions.OAuth2ClientSecret"/>:
    /// tests that a receiver does not lose deliveries of an app X signs that way (reported, not on X's official pages).
    /// </summary>
    OAuth2 = 1,

    /// <summary>Both headers, each keyed with its own secret.</summary>
    Both = 2,
}
