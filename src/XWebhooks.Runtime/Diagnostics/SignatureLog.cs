using Microsoft.Extensions.Logging;
using XWebhooks.Security;

namespace XWebhooks.Diagnostics;

/// <summary>Source-generated log messages about the OAuth2 signature header. They never include secrets or signatures.</summary>
internal static partial class SignatureLog
{
    [LoggerMessage(301, LogLevel.Warning, "Refused delivery: it carries only the x-twitter-webhooks-signature-oauth2 header and XWebhooks:OAuth2ClientSecret is not set. Set it to the app's OAuth 2.0 client secret (for example XWebhooks__OAuth2ClientSecret) so these deliveries verify")]
    public static partial void OAuth2SecretNotConfigured(ILogger logger);

    [LoggerMessage(302, LogLevel.Warning, "Refused delivery: x-twitter-webhooks-signature-oauth2 {Check} (checked with XWebhooks:OAuth2ClientSecret; the classic header is not used when this one is present)")]
    public static partial void OAuth2SignatureRefused(ILogger logger, XSignatureCheck check);

    [LoggerMessage(303, LogLevel.Information, "Delivery verified with the secondary OAuth 2.0 client secret; finish the rotation by making it XWebhooks:OAuth2ClientSecret")]
    public static partial void SecondaryOAuth2SecretUsed(ILogger logger);

    [LoggerMessage(304, LogLevel.Information, "First delivery verified with the x-twitter-webhooks-signature-oauth2 header (OAuth 2.0 client secret); logged once")]
    public static partial void FirstOAuth2Verified(ILogger logger);

    [LoggerMessage(305, LogLevel.Information, "Deliveries carry x-twitter-webhooks-signature-oauth2 but XWebhooks:OAuth2ClientSecret is not set: only x-twitter-webhooks-signature is verified. Set OAuth2ClientSecret to verify the OAuth2 header; logged once")]
    public static partial void OAuth2HeaderNotVerified(ILogger logger);
}
