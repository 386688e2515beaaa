using Microsoft.Extensions.Options;
using XWebhooks.Security;

namespace XWebhooks.Hosting;

/// <summary>Reflection-free validation of <see cref="XWebhooksOptions"/> with messages that say how to fix the setting.</summary>
internal sealed class XWebhooksOptionsValidator : IValidateOptions<XWebhooksOptions>
{
    public ValidateOptionsResult Validate(string? name, XWebhooksOptions options)
    {
        List<string>? failures = null;

        if (string.IsNullOrWhiteSpace(options.ConsumerSecret))
        {
            Add(ref failures, string.IsNullOrWhiteSpace(options.OAuth2ClientSecret)
                ? $"{XWebhooksOptions.SectionName}:ConsumerSecret is not set. Set it to your X app's consumer secret (API Key Secret), for example with the environment variable {XWebhooksOptions.SectionName}__ConsumerSecret; without it no CRC can be answered and no delivery verified."
                // An app with only the OAuth 2.0 secret would lose every delivery signed the documented way.
                : $"{XWebhooksOptions.SectionName}:ConsumerSecret is not set; {XWebhooksOptions.SectionName}:OAuth2ClientSecret alone is not enough. X's official pages sign deliveries (x-twitter-webhooks-signature) and CRCs with the consumer secret, so set it too: the API Key Secret under 'Keys and tokens' of your app in the X developer portal, for example with the environment variable {XWebhooksOptions.SectionName}__ConsumerSecret.");
        }

        if (options.SecondaryConsumerSecret is { Length: > 0 } secondary && string.IsNullOrWhiteSpace(secondary))
        {
            Add(ref failures, $"{XWebhooksOptions.SectionName}:SecondaryConsumerSecret is blank. Remove it or set it to the other consumer secret.");
        }

        if (options.OAuth2ClientSecret is { Length: > 0 } oauth2 && string.IsNullOrWhiteSpace(oauth2))
        {
            Add(ref failures, $"{XWebhooksOptions.SectionName}:OAuth2ClientSecret is blank. Remove it or set it to your app's OAuth 2.0 client secret.");
        }

        if (options.SecondaryOAuth2ClientSecret is { Length: > 0 } secondaryOAuth2)
        {
            if (string.IsNullOrWhiteSpace(secondaryOAuth2))
            {
                Add(ref failures, $"{XWebhooksOptions.SectionName}:SecondaryOAuth2ClientSecret is blank. Remove it or set it to the other OAuth 2.0 client secret.");
            }
            else if (string.IsNullOrWhiteSpace(options.OAuth2ClientSecret))
            {
                Add(ref failures, $"{XWebhooksOptions.SectionName}:SecondaryOAuth2ClientSecret is set but {XWebhooksOptions.SectionName}:OAuth2ClientSecret is not. Set OAuth2ClientSecret to the current OAuth 2.0 client secret (the secondary one is only for a rotation).");
            }
        }

        if (options.CrcSecret is not (XCrcSecret.ConsumerSecret or XCrcSecret.OAuth2ClientSecret))
        {
            Add(ref failures, $"{XWebhooksOptions.SectionName}:CrcSecret must be ConsumerSecret or OAuth2ClientSecret; it is {(int)options.CrcSecret}.");
        }
        else if (options.CrcSecret == XCrcSecret.OAuth2ClientSecret && string.IsNullOrWhiteSpace(options.OAuth2ClientSecret))
        {
            Add(ref failures, $"{XWebhooksOptions.SectionName}:CrcSecret is OAuth2ClientSecret but {XWebhooksOptions.SectionName}:OAuth2ClientSecret is not set. Set it to your app's OAuth 2.0 client secret, or remove CrcSecret to answer CRCs with the consumer secret.");
        }

        if (options.MaxBodyBytes is < 1 or > 100 * 1024 * 1024)
        {
            Add(ref failures, $"{XWebhooksOptions.SectionName}:MaxBodyBytes must be between 1 and 104857600 bytes; it is {options.MaxBodyBytes}.");
        }

        if (options.ResponseBudget <= TimeSpan.Zero || options.ResponseBudget > XWebhooksOptions.MaxResponseBudget)
        {
            Add(ref failures, $"{XWebhooksOptions.SectionName}:ResponseBudget must be more than 0 and at most 00:00:10 (X stops waiting after 10 seconds); it is {options.ResponseBudget}.");
        }

        if (options.DedupeRetention <= TimeSpan.Zero)
        {
            Add(ref failures, $"{XWebhooksOptions.SectionName}:DedupeRetention must be more than 0; it is {options.DedupeRetention}.");
        }

        return failures is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Add(ref List<string>? failures, string failure) => (failures ??= []).Add(failure);
}
