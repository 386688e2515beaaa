using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using XWebhooks.Diagnostics;
using XWebhooks.Security;

namespace XWebhooks.Hosting;

/// <summary>
/// GET: answers X's challenge-response check with <c>{"response_token":"sha256=…"}</c>, but only for a
/// token-shaped <c>crc_token</c> (anything else is a 400: the endpoint must not sign arbitrary strings).
/// Extra query parameters, such as the legacy <c>nonce</c>, are ignored.
/// </summary>
internal sealed class CrcEndpoint(XSignatureVerifier verifier, XWebhookObservers observers, TimeProvider timeProvider, ILogger<CrcEndpoint> logger)
{
    public Task HandleAsync(HttpContext context)
    {
        var tokens = context.Request.Query[XCrc.TokenParameterName];
        var refusal = tokens.Count switch
        {
            0 => "The crc_token query parameter is missing.",
            > 1 => "The crc_token query parameter appears more than once.",
            _ when !XCrc.IsValidToken(tokens[0]) => $"The crc_token must be 1-{XCrc.MaxTokenLength} characters of A-Z a-z 0-9 + / = _ -.",
            _ => null,
        };

        var response = context.Response;
        response.Headers.CacheControl = "no-store";
        if (refusal is not null)
        {
            observers.CrcChecked(answered: false, timeProvider.GetUtcNow());
            XWebhooksLog.CrcRefused(logger, refusal);
            response.StatusCode = StatusCodes.Status400BadRequest;
            response.ContentType = "text/plain; charset=utf-8";
            return response.WriteAsync(refusal, context.RequestAborted);
        }

        var body = verifier.CreateCrcResponseBody(tokens[0]);
        observers.CrcChecked(answered: true, timeProvider.GetUtcNow());
        XWebhooksLog.CrcAnswered(logger);
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json";
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }
}
