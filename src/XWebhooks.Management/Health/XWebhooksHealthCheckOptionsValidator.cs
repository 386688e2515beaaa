using Microsoft.Extensions.Options;
using XWebhooks.OptionsValidation;

namespace XWebhooks.Health;

/// <summary>
/// Validates <see cref="XWebhooksHealthCheckOptions"/>; errors name the full key
/// (<c>XWebhooks:Health:SignatureWindow must …; it is …</c>).
/// </summary>
internal sealed class XWebhooksHealthCheckOptionsValidator : IValidateOptions<XWebhooksHealthCheckOptions>
{
    public ValidateOptionsResult Validate(string? name, XWebhooksHealthCheckOptions options)
    {
        var checks = new SettingChecks(options);
        checks.Check(nameof(options.CrcStaleAfter), options.CrcStaleAfter, new TimeSpanRange(TimeSpan.Zero) { MinimumIsExclusive = true });
        // At least one second per bucket of the state's ring, so each bucket covers a whole second.
        checks.Check(nameof(options.SignatureWindow), options.SignatureWindow, new TimeSpanRange(TimeSpan.FromSeconds(XWebhooksHealthState.BucketCount)));
        checks.Check(nameof(options.SignatureFailureRateThreshold), options.SignatureFailureRateThreshold, new NumberRange(0, 1) { MaximumIsExclusive = true });
        checks.Check(nameof(options.MinimumSignatureAttempts), options.MinimumSignatureAttempts, new NumberRange(1));
        checks.Check(nameof(options.WebhookId), options.WebhookId, new XId { Hint = "It is X's webhook id, as GET /2/webhooks lists it." });
        checks.Check(nameof(options.WebhookStatusCacheDuration), options.WebhookStatusCacheDuration, new TimeSpanRange(TimeSpan.Zero));
        return checks.Result();
    }
}
