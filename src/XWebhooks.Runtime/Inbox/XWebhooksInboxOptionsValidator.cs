using Microsoft.Extensions.Options;
using XWebhooks.OptionsValidation;

namespace XWebhooks.Inbox;

/// <summary>
/// Validates <see cref="XWebhooksInboxOptions"/>: each property's rule, then the rules between settings, all in
/// <see cref="SettingFailure"/>'s format.
/// </summary>
internal sealed class XWebhooksInboxOptionsValidator : IValidateOptions<XWebhooksInboxOptions>
{
    public ValidateOptionsResult Validate(string? name, XWebhooksInboxOptions options)
    {
        var checks = new SettingChecks(options);
        checks.Check(nameof(options.MaxAttempts), options.MaxAttempts, new NumberRange(1));
        checks.Check(nameof(options.InitialRetryDelay), options.InitialRetryDelay, new TimeSpanRange(TimeSpan.Zero) { MinimumIsExclusive = true });
        checks.Check(nameof(options.HandlerTimeout), options.HandlerTimeout, new TimeSpanRange(TimeSpan.Zero) { MinimumIsExclusive = true });
        checks.Check(nameof(options.MaxConcurrency), options.MaxConcurrency, new NumberRange(1));
        checks.Check(nameof(options.PollInterval), options.PollInterval, new TimeSpanRange(TimeSpan.Zero) { MinimumIsExclusive = true });

        if (options.InitialRetryDelay > options.MaxRetryDelay)
        {
            checks.Fail(SettingFailure.Message(
                checks.Key(nameof(options.InitialRetryDelay)),
                $"be at most {checks.Key(nameof(options.MaxRetryDelay))} ({SettingFailure.Describe(options.MaxRetryDelay)})",
                SettingFailure.Describe(options.InitialRetryDelay)));
        }

        if (options.HandlerTimeout >= options.LeaseDuration)
        {
            checks.Fail(SettingFailure.Message(
                checks.Key(nameof(options.HandlerTimeout)),
                $"be below {checks.Key(nameof(options.LeaseDuration))} ({SettingFailure.Describe(options.LeaseDuration)})",
                SettingFailure.Describe(options.HandlerTimeout),
                "Otherwise a slow delivery's lease runs out and another worker processes it a second time."));
        }

        return checks.Result();
    }
}
