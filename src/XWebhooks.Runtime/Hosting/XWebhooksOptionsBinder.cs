using System.Globalization;
using Microsoft.Extensions.Configuration;
using XWebhooks.Security;

namespace XWebhooks.Hosting;

/// <summary>
/// Binds <see cref="XWebhooksOptions"/> from configuration by hand: four settings do not justify the
/// reflection-based binder, and this stays Native-AOT clean without interceptors.
/// </summary>
internal static class XWebhooksOptionsBinder
{
    public static void Bind(IConfiguration section, XWebhooksOptions options)
    {
        if (section[nameof(XWebhooksOptions.ConsumerSecret)] is { } secret)
        {
            options.ConsumerSecret = secret;
        }

        if (section[nameof(XWebhooksOptions.SecondaryConsumerSecret)] is { } secondary)
        {
            options.SecondaryConsumerSecret = secondary;
        }

        if (section[nameof(XWebhooksOptions.OAuth2ClientSecret)] is { } oauth2)
        {
            options.OAuth2ClientSecret = oauth2;
        }

        if (section[nameof(XWebhooksOptions.SecondaryOAuth2ClientSecret)] is { } secondaryOAuth2)
        {
            options.SecondaryOAuth2ClientSecret = secondaryOAuth2;
        }

        if (section[nameof(XWebhooksOptions.CrcSecret)] is { } crcSecret)
        {
            // Names only: Enum.TryParse would also take "1" or "0, 1".
            options.CrcSecret = crcSecret.Trim() switch
            {
                var name when name.Equals(nameof(XCrcSecret.ConsumerSecret), StringComparison.OrdinalIgnoreCase) => XCrcSecret.ConsumerSecret,
                var name when name.Equals(nameof(XCrcSecret.OAuth2ClientSecret), StringComparison.OrdinalIgnoreCase) => XCrcSecret.OAuth2ClientSecret,
                _ => throw new InvalidOperationException($"{XWebhooksOptions.SectionName}:CrcSecret must be ConsumerSecret or OAuth2ClientSecret; it is '{crcSecret}'."),
            };
        }

        if (section[nameof(XWebhooksOptions.MaxBodyBytes)] is { } maxBody)
        {
            options.MaxBodyBytes = long.TryParse(maxBody, NumberStyles.Integer, CultureInfo.InvariantCulture, out var bytes)
                ? bytes
                : throw new InvalidOperationException($"{XWebhooksOptions.SectionName}:MaxBodyBytes must be a whole number of bytes; it is '{maxBody}'.");
        }

        if (section[nameof(XWebhooksOptions.ResponseBudget)] is { } budget)
        {
            options.ResponseBudget = ParseTimeSpan(budget, nameof(XWebhooksOptions.ResponseBudget));
        }

        if (section[nameof(XWebhooksOptions.DedupeRetention)] is { } retention)
        {
            options.DedupeRetention = ParseTimeSpan(retention, nameof(XWebhooksOptions.DedupeRetention));
        }
    }

    public static TimeSpan ParseTimeSpan(string value, string setting) =>
        TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var span)
            ? span
            : throw new InvalidOperationException($"{XWebhooksOptions.SectionName}:{setting} must be a time span such as 00:00:03; it is '{value}'.");

    public static int ParseInt(string value, string setting) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new InvalidOperationException($"{XWebhooksOptions.SectionName}:{setting} must be a whole number; it is '{value}'.");
}
