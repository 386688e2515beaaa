namespace XWebhooks.Security;

/// <summary>Which of the app's secrets signs the CRC <c>response_token</c>.</summary>
public enum XCrcSecret
{
    /// <summary>The consumer secret (API Key Secret), as X's official pages say. The default.</summary>
    ConsumerSecret = 0,

    /// <summary>
    /// The OAuth 2.0 client secret. Choose it only if X's CRC checks of your webhook fail with the consumer
    /// secret while deliveries carry <c>x-twitter-webhooks-signature-oauth2</c>: no official page says X does this.
    /// </summary>
    OAuth2ClientSecret = 1,
}
