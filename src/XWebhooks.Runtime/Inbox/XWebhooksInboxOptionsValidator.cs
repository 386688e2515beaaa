using Microsoft.Extensions.Options;

namespace XWebhooks.Inbox;

/// <summary>Reflection-free validation of <see cref="XWebhooksInboxOptions"/>.</summary>
internal sealed class XWebhooksInboxOptionsValidator : IValidateOptions<XWebhooksInboxOptions>
{
    public ValidateOptionsResult Validate(string? name, XWebhooksInboxOptions options)
    {
        List<string> failures = [];
        const string section = "XWebhooks:Inbox:";
        if (options.MaxAttempts < 1)
        {
            failures.Add($"{section}MaxAttempts must be at least 1; it is {options.MaxAttempts}.");
        }

        if (options.MaxConcurrency < 1)
        {
            failures.Add($"{section}MaxConcurrency must be at least 1; it is {options.MaxConcurrency}.");
        }

        if (options.InitialRetryDelay <= TimeSpan.Zero || options.MaxRetryDelay < options.InitialRetryDelay)
        {
            failures.Add($"{section}InitialRetryDelay must be more than 0 and at most MaxRetryDelay; they are {options.InitialRetryDelay} and {options.MaxRetryDelay}.");
        }

        if (options.PollInterval <= TimeSpan.Zero)
        {
            failures.Add($"{section}PollInterval must be more than 0; it is {options.PollInterval}.");
        }

        if (options.HandlerTimeout <= TimeSpan.Zero || options.HandlerTimeout >= options.LeaseDuration)
        {
            failures.Add($"{section}HandlerTimeout must be more than 0 and shorter than LeaseDuration (else a slow delivery is leased twice); they are {options.HandlerTimeout} and {options.LeaseDuration}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
