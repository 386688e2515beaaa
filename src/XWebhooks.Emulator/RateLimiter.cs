using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace XWebhooks.Emulator;

/// <summary>
/// X's per-app rate limits: a fixed window per endpoint group, reported in <c>x-rate-limit-limit</c>,
/// <c>x-rate-limit-remaining</c> and <c>x-rate-limit-reset</c> (Unix seconds) on every answer, 429 when over.
/// </summary>
internal sealed class RateLimiter(TimeSpan window, TimeProvider time)
{
    private readonly Dictionary<string, (DateTimeOffset Start, int Count)> windows = new(StringComparer.Ordinal);

    /// <summary>Counts the request and sets the headers; false (with a 429 written) when the group is over its limit.</summary>
    public async Task<bool> TryAcquireAsync(HttpContext context, string group, int limit)
    {
        var now = time.GetUtcNow();
        int count;
        DateTimeOffset start;
        lock (windows)
        {
            if (!windows.TryGetValue(group, out var current) || now >= current.Start + window)
            {
                current = (now, 0);
            }

            current.Count++;
            windows[group] = current;
            (start, count) = current;
        }

        var headers = context.Response.Headers;
        headers["x-rate-limit-limit"] = limit.ToString(CultureInfo.InvariantCulture);
        headers["x-rate-limit-remaining"] = Math.Max(0, limit - count).ToString(CultureInfo.InvariantCulture);
        headers["x-rate-limit-reset"] = (start + window).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        if (count <= limit)
        {
            return true;
        }

        await XApiProblems.AboutBlankAsync(context, StatusCodes.Status429TooManyRequests, "Too Many Requests").ConfigureAwait(false);
        return false;
    }
}
