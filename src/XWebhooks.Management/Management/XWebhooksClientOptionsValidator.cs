using Microsoft.Extensions.Options;

namespace XWebhooks.Management;

/// <summary>Reflection-free validation of <see cref="XWebhooksClientOptions"/>; messages never include the token.</summary>
internal sealed class XWebhooksClientOptionsValidator : IValidateOptions<XWebhooksClientOptions>
{
    public ValidateOptionsResult Validate(string? name, XWebhooksClientOptions options) =>
        Validate(options) is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;

    public static string? Validate(XWebhooksClientOptions options)
    {
        List<string> failures = [];
        if (string.IsNullOrWhiteSpace(options.BearerToken))
        {
            failures.Add("XWebhooks:Client:BearerToken is required: the app-only bearer token of the X app that owns the webhook (for example XWebhooks__Client__BearerToken).");
        }

        if (options.BaseAddress is null || !options.BaseAddress.IsAbsoluteUri)
        {
            failures.Add($"XWebhooks:Client:BaseAddress must be an absolute URI; it is '{options.BaseAddress}'.");
        }

        if (options.MaxRateLimitWait < TimeSpan.Zero)
        {
            failures.Add($"XWebhooks:Client:MaxRateLimitWait must be 0 or more; it is {options.MaxRateLimitWait}.");
        }

        return failures.Count == 0 ? null : string.Join(" ", failures);
    }
}
