using System.CommandLine;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using XWebhooks.Security;
using XWebhooks.Testing;

namespace XWebhooks.Cli.Commands;

/// <summary><c>xwebhooks crc &lt;url&gt;</c>: sends a CRC challenge as X does and checks the answer.</summary>
internal static class CrcCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(CliContext context)
    {
        var url = CliCommon.UrlArgument();
        var secret = CliCommon.SecretOption();
        var oauth2Secret = CliCommon.OAuth2SecretOption();
        var crcSecret = CliCommon.CrcSecretOption();
        var timeout = CliCommon.TimeoutOption();
        var command = new Command("crc", "Send a CRC challenge (GET ?crc_token=…) as X does and check the answer: 200, application/json, the right response_token.")
        {
            url,
            secret,
            oauth2Secret,
            crcSecret,
            timeout,
        };
        CliCommon.SetAction(command, context, (parseResult, cancellationToken) => RunAsync(
            context,
            CliCommon.ParseUrl(parseResult.GetValue(url)),
            DeliverySigner.ParseCrcSecret(parseResult.GetValue(crcSecret)) == XCrcSecret.OAuth2ClientSecret
                ? new CrcKey(CliCommon.ResolveOAuth2Secret(parseResult.GetValue(oauth2Secret), context, "--crc-secret oauth2"), XCrcSecret.OAuth2ClientSecret)
                : new CrcKey(CliCommon.ResolveSecret(parseResult.GetValue(secret), context), XCrcSecret.ConsumerSecret),
            CliCommon.GetTimeout(parseResult, timeout),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, Uri url, CrcKey key, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var token = XWebhookTestKit.CreateCrcToken();
        using var client = CliCommon.CreateHttpClient(timeout);
        using var request = XWebhookTestKit.CreateCrcRequest(url, token);
        await context.Out.WriteLineAsync($"GET {request.RequestUri}").ConfigureAwait(false);

        var stopwatch = Stopwatch.StartNew();
        HttpResponseMessage response;
        byte[] body;
        try
        {
            response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return await FailAsync(context, CliCommon.DescribeFailure(ex, url, timeout)).ConfigureAwait(false);
        }

        var latency = stopwatch.Elapsed;
        using (response)
        {
            var problem = Check(response, body, token, key.Secret, key.Kind);
            if (problem is not null)
            {
                return await FailAsync(context, $"{problem} (after {CliCommon.FormatDuration(latency)})").ConfigureAwait(false);
            }
        }

        await context.Out.WriteLineAsync($"OK: the CRC answer is right ({CliCommon.FormatDuration(latency)}).").ConfigureAwait(false);
        if (latency > TimeSpan.FromSeconds(3))
        {
            await context.Out.WriteLineAsync("warning: slower than 3 s; X allows 10 s but the legacy limit was 3 s.").ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }

    /// <summary>What is wrong with a CRC answer, or null when it is right.</summary>
    internal static string? Check(HttpResponseMessage response, byte[] body, string token, string secret, XCrcSecret kind = XCrcSecret.ConsumerSecret)
    {
        if (response.StatusCode != HttpStatusCode.OK)
        {
            var redirect = (int)response.StatusCode is >= 300 and < 400
                ? $"; a 3xx makes X mark the webhook invalid (Location: {response.Headers.Location})"
                : string.Empty;
            return $"status {CliCommon.FormatStatus(response.StatusCode)}, expected 200 OK{redirect}; body: {CliCommon.Snippet(body)}";
        }

        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (!string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase))
        {
            return $"content type is '{response.Content.Headers.ContentType?.ToString() ?? "(none)"}', expected application/json; body: {CliCommon.Snippet(body)}";
        }

        JsonElement answer;
        try
        {
            using var document = JsonDocument.Parse(body);
            answer = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            return $"the body is not JSON ({ex.Message}); body: {CliCommon.Snippet(body)}";
        }

        if (answer.ValueKind != JsonValueKind.Object)
        {
            return $"the body is JSON but not an object; expected {{\"response_token\":\"sha256=…\"}}; body: {CliCommon.Snippet(body)}";
        }

        if (!answer.TryGetProperty("response_token", out var value))
        {
            return $"the JSON has no response_token field; expected {{\"response_token\":\"sha256=…\"}}; body: {CliCommon.Snippet(body)}";
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            return $"response_token is a {value.ValueKind}, expected a string \"sha256=…\"";
        }

        var actual = value.GetString()!;
        var expected = XWebhookTestKit.ExpectedCrcResponseToken(token, secret);
        if (actual == expected)
        {
            return null;
        }

        Span<byte> digest = stackalloc byte[32];
        if (!XWebhookSignature.TryParse(actual, digest))
        {
            return $"response_token is '{actual}', which is not 'sha256=' + base64 of an HMAC-SHA256";
        }

        return actual == XWebhookTestKit.ExpectedCrcResponseToken(token, secret.Trim()) || actual == XWebhookTestKit.ExpectedCrcResponseToken(Uri.UnescapeDataString(token), secret)
            ? "response_token is wrong: the answer hashed a different crc_token (did the receiver decode or trim it?)"
            : kind == XCrcSecret.ConsumerSecret
                ? "response_token is wrong: the answer was signed with a different consumer secret (the receiver must use the app's API Key Secret, not a bearer or access token; or it answers with its OAuth 2.0 client secret: try --crc-secret oauth2)"
                : "response_token is wrong: the answer was not signed with this OAuth 2.0 client secret (X's official pages say CRCs are answered with the consumer secret: try without --crc-secret oauth2)";
    }

    /// <summary>The secret a correct answer is signed with, and which of the app's secrets it is.</summary>
    private readonly record struct CrcKey(string Secret, XCrcSecret Kind);

    private static async Task<int> FailAsync(CliContext context, string reason)
    {
        await context.Out.WriteLineAsync("FAILED: " + reason).ConfigureAwait(false);
        return ExitCodes.Failed;
    }
}
