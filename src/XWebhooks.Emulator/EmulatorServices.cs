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

    /// <summary>
    /// Checks a user-context bearer token (one of <see cref="XEmulatorOptions.UserTokens"/>) and the rate limit; the user
    /// id, or null when refused: 403 <c>unsupported-authentication</c> for the app-only token (as X), 401 for any other.
    /// </summary>
    public async Task<string?> AdmitUserAsync(HttpContext context, string group, int limit)
    {
        var token = BearerToken(context);
        if (token == Options.BearerToken)
        {
            await XApiProblems.UnsupportedAuthenticationAsync(context).ConfigureAwait(false);
            return null;
        }

        if (token is null || !Options.UserTokens.TryGetValue(token, out var userId))
        {
            await UnauthorizedAsync(context).ConfigureAwait(false);
            return null;
        }

        return await limiter.TryAcquireAsync(context, group, limit).ConfigureAwait(false) ? userId : null;
    }

    /// <summary>
    /// Checks a token that may be the app's or a user's (X Activity calls) and the rate limit. Admitted is false when a
    /// 401 or 429 was written; UserId is the token's user, null for the app token.
    /// </summary>
    public async Task<(bool Admitted, string? UserId)> AdmitAppOrUserAsync(HttpContext context, string group, int limit)
    {
        var token = BearerToken(context);
        string? userId = null;
        if (token != Options.BearerToken && (token is null || !Options.UserTokens.TryGetValue(token, out userId)))
        {
            await UnauthorizedAsync(context).ConfigureAwait(false);
            return (false, null);
        }

        return (await limiter.TryAcquireAsync(context, group, limit).ConfigureAwait(false), userId);
    }

    private static string? BearerToken(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..].Trim() : null;
    }

    private static Task UnauthorizedAsync(HttpContext context) =>
        XApiProblems.AboutBlankAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized");
}
