using System.Globalization;
using System.Net.Http.Headers;

namespace XWebhooks.Management;

/// <summary>An endpoint's rate-limit window as X reports it in the <c>x-rate-limit-*</c> response headers.</summary>
/// <param name="Limit">Requests allowed in the window (<c>x-rate-limit-limit</c>).</param>
/// <param name="Remaining">Requests left in the window (<c>x-rate-limit-remaining</c>).</param>
/// <param name="Reset">When the window resets (<c>x-rate-limit-reset</c>, Unix seconds).</param>
public sealed record XRateLimit(int Limit, int Remaining, DateTimeOffset Reset)
{
    /// <summary>Reads the three <c>x-rate-limit-*</c> headers; null unless all three are present and numeric.</summary>
    public static XRateLimit? FromHeaders(HttpResponseHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return ReadLong(headers, "x-rate-limit-limit") is { } limit
            && ReadLong(headers, "x-rate-limit-remaining") is { } remaining
            && ReadLong(headers, "x-rate-limit-reset") is { } reset
            && reset is >= 0 and <= 253402300799 // DateTimeOffset.MaxValue in Unix seconds
            ? new XRateLimit((int)Math.Clamp(limit, 0, int.MaxValue), (int)Math.Clamp(remaining, 0, int.MaxValue), DateTimeOffset.FromUnixTimeSeconds(reset))
            : null;
    }

    private static long? ReadLong(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values)
        && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
}
