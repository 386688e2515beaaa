using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace XWebhooks.Management;

/// <summary>Binds <see cref="XWebhooksClientOptions"/> by hand: three settings, no reflection, AOT clean.</summary>
internal static class XWebhooksClientOptionsBinder
{
    public static void Bind(IConfiguration section, XWebhooksClientOptions options)
    {
        if (section[nameof(XWebhooksClientOptions.BearerToken)] is { Length: > 0 } token)
        {
            options.BearerToken = token;
        }

        if (section[nameof(XWebhooksClientOptions.BaseAddress)] is { Length: > 0 } address)
        {
            options.BaseAddress = Uri.TryCreate(address, UriKind.Absolute, out var uri)
                ? uri
                : throw new InvalidOperationException($"XWebhooksClientOptions.BaseAddress must be an absolute URI; it is '{address}'.");
        }

        if (section[nameof(XWebhooksClientOptions.MaxRateLimitWait)] is { Length: > 0 } wait)
        {
            options.MaxRateLimitWait = TimeSpan.TryParse(wait, CultureInfo.InvariantCulture, out var span)
                ? span
                : throw new InvalidOperationException($"XWebhooksClientOptions.MaxRateLimitWait must be a time span such as 00:01:00; it is '{wait}'.");
        }
    }
}
