using System.Globalization;

namespace XWebhooks.Serialization;

/// <summary>Parses the two date forms Account Activity payloads use (v1.1 <c>created_at</c> text and epoch milliseconds).</summary>
internal static class AccountActivityDates
{
    private static readonly string[] V1Formats =
    [
        "ddd MMM dd HH:mm:ss zzz yyyy",
        "ddd MMM d HH:mm:ss zzz yyyy",
    ];

    /// <summary>Parses a v1.1 date such as <c>Mon Mar 26 16:33:26 +0000 2018</c>; null when absent or not in that form.</summary>
    public static DateTimeOffset? ParseV1(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;

        if (DateTimeOffset.TryParseExact(value.Trim(), V1Formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowInnerWhite, out var result))
            return result;

        // Tolerate ISO 8601 and other invariant forms rather than failing the event.
        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out result) ? result : null;
    }

    /// <summary>Converts epoch milliseconds to a UTC time; null when absent or out of range.</summary>
    public static DateTimeOffset? FromUnixMilliseconds(long? value)
    {
        if (value is not { } ms || ms < -62_135_596_800_000L || ms > 253_402_300_799_999L)
            return null;

        return DateTimeOffset.FromUnixTimeMilliseconds(ms);
    }
}
