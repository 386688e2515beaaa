using Microsoft.Extensions.Options;

namespace XWebhooks.Health;

/// <summary>Reflection-free validation of <see cref="XWebhooksHealthCheckOptions"/>, with messages that say how to fix the setting.</summary>
internal sealed class XWebhooksHealthCheckOptionsValidator : IValidateOptions<XWebhooksHealthCheckOptions>
{
    public ValidateOptionsResult Validate(string? name, XWebhooksHealthCheckOptions options)
    {
        List<string>? failures = null;
        if (options.CrcStaleAfter <= TimeSpan.Zero)
        {
            (failures ??= []).Add($"XWebhooks:Health:CrcStaleAfter must be more than 0; it is {options.CrcStaleAfter}.");
        }

        if (options.SignatureWindow < TimeSpan.FromSeconds(XWebhooksHealthState.BucketCount))
        {
            (failures ??= []).Add($"XWebhooks:Health:SignatureWindow must be at least {XWebhooksHealthState.BucketCount} seconds; it is {options.SignatureWindow}.");
        }

        if (options.SignatureFailureRateThreshold is < 0 or >= 1 || double.IsNaN(options.SignatureFailureRateThreshold))
        {
            (failures ??= []).Add($"XWebhooks:Health:SignatureFailureRateThreshold must be at least 0 and below 1; it is {options.SignatureFailureRateThreshold}.");
        }

        if (options.MinimumSignatureAttempts < 1)
        {
            (failures ??= []).Add($"XWebhooks:Health:MinimumSignatureAttempts must be at least 1; it is {options.MinimumSignatureAttempts}.");
        }

        if (options.WebhookStatusCacheDuration < TimeSpan.Zero)
        {
            (failures ??= []).Add($"XWebhooks:Health:WebhookStatusCacheDuration must not be negative; it is {options.WebhookStatusCacheDuration}.");
        }

        return failures is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
