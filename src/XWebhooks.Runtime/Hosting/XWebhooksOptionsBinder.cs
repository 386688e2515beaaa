using System.Globalization;
using Microsoft.Extensions.Configuration;

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
