using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace XWebhooks.Emulator;

/// <summary>What every endpoint of the emulated X shares, and the checks every <c>/2/</c> call passes first.</summary>
internal sealed class EmulatorServices(
    EmulatorState state,
    XEmulatorOptions options,
    DeliveryEngine deliveries,
    CrcChecker crc,
    RateLimiter limiter,
    TimeProvider time,
    ILogger logger)
{
    public EmulatorState State { get; } = state;

    public XEmulatorOptions Options { get; } = options;

    public DeliveryEngine Deliveries { get; } = deliveries;

    public CrcChecker Crc { get; } = crc;

    public TimeProvider Time { get; } = time;

    public ILogger Logger { get; } = logger;

    /// <summary>Checks the app-only bearer token and the group's rate limit; false when a 401 or 429 was written.</summary>
    public async Task<bool> AdmitAppAsync(HttpContext context, string group, int limit)
    {
        if (BearerToken(context) != Options.BearerToken)
        {
            await UnauthorizedAsync(context).ConfigureAwait(false);
            return false;
        }

        return await limiter.TryAcquireAsync(context, group, limit).ConfigureAwait(false);
    }

    /// <summary>Checks a user-context bearer token (one of <see cref="XEmulatorOptions.UserTokens"/>) and the rate limit; the user id, or null when refused.</summary>
    public async Task<string?> AdmitUserAsync(HttpContext context, string group, int limit)
    {
        if (BearerToken(context) is not { } token || !Options.UserTokens.TryGetValue(token, out var userId))
        {
            await UnauthorizedAsync(context).ConfigureAwait(false);
            return null;
        }

        return await limiter.TryAcquireAsync(context, group, limit).ConfigureAwait(false) ? userId : null;
    }

    private static string? BearerToken(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..].Trim() : null;
    }

    private static Task UnauthorizedAsync(HttpContext context) =>
        JsonResponses.WriteAsync(context, StatusCodes.Status401Unauthorized, writer =>
        {
            writer.WriteString("title", "Unauthorized");
            writer.WriteString("type", "about:blank");
            writer.WriteNumber("status", StatusCodes.Status401Unauthorized);
            writer.WriteString("detail", "Unauthorized");
        });
}
