using Microsoft.Extensions.Options;
using XWebhooks.OptionsValidation;
using XWebhooks.Security;

namespace XWebhooks.Hosting;

/// <summary>
/// Validates <see cref="XWebhooksOptions"/>: each property's rule, then the rules between settings, all in
/// <see cref="SettingFailure"/>'s format.
/// </summary>
internal sealed class XWebhooksOptionsValidator : IValidateOptions<XWebhooksOptions>
{
    public ValidateOptionsResult Validate(string? name, XWebhooksOptions options)
    {
        var checks = new SettingChecks(options);
        checks.Check(nameof(options.ConsumerSecret), options.ConsumerSecret, new NotBlank
        {
            Hint = "Set it to your X app's consumer secret: the API Key Secret under 'Keys and tokens' of the app in the X developer portal, for example with the environment variable XWebhooks__ConsumerSecret. X signs CRCs and deliveries (x-twitter-webhooks-signature) with it, so OAuth2ClientSecret alone is not enough.",
        });
        checks.Check(nameof(options.SecondaryConsumerSecret), options.SecondaryConsumerSecret, new NotBlank { AllowUnset = true, Hint = "Remove it or set it to the other consumer secret." });
        checks.Check(nameof(options.OAuth2ClientSecret), options.OAuth2ClientSecret, new NotBlank { AllowUnset = true, Hint = "Remove it or set it to your app's OAuth 2.0 client secret." });
        checks.Check(nameof(options.SecondaryOAuth2ClientSecret), options.SecondaryOAuth2ClientSecret, new NotBlank { AllowUnset = true, Hint = "Remove it or set it to the other OAuth 2.0 client secret." });
        checks.Check(nameof(options.CrcSecret), options.CrcSecret, new DefinedEnum<XCrcSecret>());
        checks.Check(nameof(options.MaxBodyBytes), options.MaxBodyBytes, new NumberRange(1, 100 * 1024 * 1024));
        checks.Check(nameof(options.ResponseBudget), options.ResponseBudget, new TimeSpanRange(TimeSpan.Zero, XWebhooksOptions.MaxResponseBudget)
        {
            MinimumIsExclusive = true,
            Hint = "X stops waiting for the answer after 10 seconds.",
        });
        checks.Check(nameof(options.DedupeRetention), options.DedupeRetention, new TimeSpanRange(TimeSpan.Zero) { MinimumIsExclusive = true });

        // A blank OAuth2ClientSecret already fails its own rule; these only need it set.
        if (string.IsNullOrEmpty(options.OAuth2ClientSecret))
        {
            var oauth2Key = checks.Key(nameof(options.OAuth2ClientSecret));
            if (!string.IsNullOrEmpty(options.SecondaryOAuth2ClientSecret))
            {
                checks.Fail(SettingFailure.Message(
                    oauth2Key,
                    $"be set when {checks.Key(nameof(options.SecondaryOAuth2ClientSecret))} is",
                    "not set",
                    "Set it to the current OAuth 2.0 client secret (the secondary one is only for a rotation)."));
            }

            if (options.CrcSecret == XCrcSecret.OAuth2ClientSecret)
            {
                checks.Fail(SettingFailure.Message(
                    oauth2Key,
                    $"be set when {checks.Key(nameof(options.CrcSecret))} is OAuth2ClientSecret",
                    "not set",
                    "Set it to your app's OAuth 2.0 client secret, or remove CrcSecret to answer CRCs with the consumer secret."));
            }
        }

        return checks.Result();
    }
}
