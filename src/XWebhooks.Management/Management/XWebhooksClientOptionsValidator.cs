using Microsoft.Extensions.Options;
using XWebhooks.OptionsValidation;

namespace XWebhooks.Management;

/// <summary>Validates <see cref="XWebhooksClientOptions"/>; errors name the full key and never include the token.</summary>
internal sealed class XWebhooksClientOptionsValidator : IValidateOptions<XWebhooksClientOptions>
{
    /// <summary>The errors of <paramref name="options"/> in one message, or null: for a client built without the container.</summary>
    public static string? Validate(XWebhooksClientOptions options) =>
        new XWebhooksClientOptionsValidator().Validate(name: null, options) is { Failed: true, Failures: { } failures } ? string.Join(" ", failures) : null;

    public ValidateOptionsResult Validate(string? name, XWebhooksClientOptions options)
    {
        var checks = new SettingChecks(options);
        checks.Check(nameof(options.BearerToken), options.BearerToken, new NotBlank
        {
            Hint = "Set it to the app-only bearer token of the X app that owns the webhook, for example with the environment variable XWebhooks__Client__BearerToken.",
        });
        checks.Check(nameof(options.BaseAddress), options.BaseAddress, new AbsoluteUri());
        checks.Check(nameof(options.MaxRateLimitWait), options.MaxRateLimitWait, new TimeSpanRange(TimeSpan.Zero));
        return checks.Result();
    }
}
