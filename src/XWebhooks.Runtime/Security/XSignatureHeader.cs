namespace XWebhooks.Security;

/// <summary>Which signature header decided a POST's verification.</summary>
public enum XSignatureHeader
{
    /// <summary><c>x-twitter-webhooks-signature</c>, keyed with the consumer secret: the header X's official pages name.</summary>
    Classic = 0,

    /// <summary>
    /// <c>x-twitter-webhooks-signature-oauth2</c>, keyed with the OAuth 2.0 client secret: reported by receivers
    /// that follow X's newer quickstart, not named on X's official pages.
    /// </summary>
    OAuth2 = 1,
}
