using Microsoft.Extensions.Options;

namespace XWebhooks.Recovery;

/// <summary>Reflection-free validation of <see cref="XWebhooksGapRecoveryOptions"/>, with messages that say how to fix the setting.</summary>
internal sealed class XWebhooksGapRecoveryOptionsValidator : IValidateOptions<XWebhooksGapRecoveryOptions>
{
    public ValidateOptionsResult Validate(string? name, XWebhooksGapRecoveryOptions options)
    {
        List<string>? failures = null;
        if (options.WebhookId is { } id && (id.Length is 0 or > 19 || !id.All(char.IsAsciiDigit)))
        {
            (failures ??= []).Add($"XWebhooks:GapRecovery:WebhookId must be X's webhook id (1-19 digits); it is '{id}'.");
        }

        if (options.MinimumGap < TimeSpan.Zero)
        {
            (failures ??= []).Add($"XWebhooks:GapRecovery:MinimumGap must not be negative; it is {options.MinimumGap}.");
        }

        if (options.Margin < TimeSpan.Zero || options.Margin >= XWebhooksGapRecoveryOptions.MaxReplayWindow)
        {
            (failures ??= []).Add($"XWebhooks:GapRecovery:Margin must be at least 0 and under 24 hours; it is {options.Margin}.");
        }

        if (options.MinimumToDateAge < TimeSpan.Zero || options.MinimumToDateAge > TimeSpan.FromHours(1))
        {
            (failures ??= []).Add($"XWebhooks:GapRecovery:MinimumToDateAge must be between 0 and 1 hour; it is {options.MinimumToDateAge}.");
        }

        return failures is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
