using Microsoft.Extensions.Options;
using XWebhooks.OptionsValidation;

namespace XWebhooks.Recovery;

/// <summary>
/// Validates <see cref="XWebhooksGapRecoveryOptions"/>; errors name the full key
/// (<c>XWebhooks:GapRecovery:Margin must …; it is …</c>).
/// </summary>
internal sealed class XWebhooksGapRecoveryOptionsValidator : IValidateOptions<XWebhooksGapRecoveryOptions>
{
    public ValidateOptionsResult Validate(string? name, XWebhooksGapRecoveryOptions options)
    {
        var checks = new SettingChecks(options);
        checks.Check(nameof(options.WebhookId), options.WebhookId, new XId { Hint = "It is X's webhook id, as GET /2/webhooks lists it." });
        checks.Check(nameof(options.MinimumGap), options.MinimumGap, new TimeSpanRange(TimeSpan.Zero));
        checks.Check(nameof(options.Margin), options.Margin, new TimeSpanRange(TimeSpan.Zero, XWebhooksGapRecoveryOptions.MaxReplayWindow)
        {
            MaximumIsExclusive = true,
            Hint = "X replays at most the past 24 hours.",
        });
        checks.Check(nameof(options.MinimumToDateAge), options.MinimumToDateAge, new TimeSpanRange(TimeSpan.Zero, TimeSpan.FromHours(1)));
        return checks.Result();
    }
}
