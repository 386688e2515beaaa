using System.Globalization;

namespace XWebhooks.Hosting;

/// <summary>Parsers of the inbox options' hand binder (<c>XWebhooksInboxOptions.Bind</c>).</summary>
internal static class XWebhooksOptionsBinder
{
    public static TimeSpan ParseTimeSpan(string value, string setting) =>
        TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var span)
            ? span
            : throw new InvalidOperationException($"{XWebhooksOptions.SectionName}:{setting} must be a time span such as 00:00:03; it is '{value}'.");

    public static int ParseInt(string value, string setting) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new InvalidOperationException($"{XWebhooksOptions.SectionName}:{setting} must be a whole number; it is '{value}'.");
}
