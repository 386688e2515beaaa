using System.CommandLine;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using XWebhooks.Emulator;
using XWebhooks.Testing;

namespace XWebhooks.Cli.Commands;

/// <summary><c>xwebhooks send &lt;url&gt;</c>: POSTs one delivery signed as X signs it.</summary>
internal static class SendCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(CliContext context)
    {
        var url = CliCommon.UrlArgument();
        var secret = CliCommon.SecretOption();
        var oauth2Secret = CliCommon.OAuth2SecretOption();
        var signatureHeader = CliCommon.SignatureHeaderOption();
        var timeout = CliCommon.TimeoutOption();
        var eventOption = new Option<string?>("--event", "-e") { Description = "The event kind to send (see 'xwebhooks events'), e.g. post.create.", HelpName = "kind" };
        var file = new Option<string?>("--file", "-f") { Description = "Send this file's exact bytes instead (must be JSON).", HelpName = "path" };
        var keepIds = new Option<bool>("--keep-ids") { Description = "Send the example exactly as documented, without fresh dedupe ids (a receiver that saw it already will dedupe it)." };
        var command = new Command("send", "POST one delivery signed as X signs it (x-twitter-webhooks-signature; see --signature-header) and show the answer.")
        {
            url,
            secret,
            oauth2Secret,
            signatureHeader,
            eventOption,
            file,
            keepIds,
            timeout,
        };
        CliCommon.SetAction(command, context, (parseResult, cancellationToken) =>
        {
            var target = CliCommon.ParseUrl(parseResult.GetValue(url));
            var signer = DeliverySigner.Resolve(parseResult, secret, oauth2Secret, signatureHeader, context);
            var (body, description) = ReadBody(parseResult.GetValue(eventOption), parseResult.GetValue(file), parseResult.GetValue(keepIds));
            return RunAsync(context, target, signer, body, description, CliCommon.GetTimeout(parseResult, timeout), cancellationToken);
        });
        return command;
    }

    /// <summary>The body to send and how to describe it.</summary>
    internal static (byte[] Body, string Description) ReadBody(string? kind, string? path, bool keepIds)
    {
        if (kind is not null && path is not null)
        {
            throw new UsageException("give --event or --file, not both");
        }

        if (path is not null)
        {
            return (ReadJsonFile(path), $"file {path}");
        }

        if (kind is null)
        {
            throw new UsageException("nothing to send: give --event <kind> (see 'xwebhooks events') or --file <path>");
        }

        var name = EventCatalog.Resolve(kind);
        return keepIds
            ? (XExamplePayloads.Get(name), $"{name} (documented ids)")
            : (XExamplePayloads.CreateUnique(name), $"{name} (fresh ids)");
    }

    /// <summary>A file's exact bytes after checking they are JSON, or a <see cref="UsageException"/>.</summary>
    internal static byte[] ReadJsonFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"file not found: {Path.GetFullPath(path)}");
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read {path}: {ex.Message}");
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
        }
        catch (JsonException ex)
        {
            throw new UsageException($"{path} is not valid JSON: {ex.Message}");
        }

        return bytes;
    }

    private static async Task<int> RunAsync(CliContext context, Uri url, DeliverySigner signer, byte[] body, string description, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var client = CliCommon.CreateHttpClient(timeout);
        using var request = XWebhookTestKit.CreateUnsignedPost(url, body);
        DeliverySigner.Apply(request, signer.Sign(body));
        await context.Out.WriteLineAsync($"POST {url} ← {description}, {body.Length} bytes, signed ({signer.Description})").ConfigureAwait(false);

        var stopwatch = Stopwatch.StartNew();
        try
        {
            using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var answer = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            var latency = stopwatch.Elapsed;
            var ok = response.StatusCode == HttpStatusCode.OK;
            await context.Out.WriteLineAsync($"{(ok ? "OK" : "FAILED")}: {CliCommon.FormatStatus(response.StatusCode)} in {CliCommon.FormatDuration(latency)}").ConfigureAwait(false);
            await context.Out.WriteLineAsync("response: " + CliCommon.Snippet(answer)).ConfigureAwait(false);
            if (!ok)
            {
                await context.Out.WriteLineAsync(Hint(response.StatusCode, signer.Headers)).ConfigureAwait(false);
            }

            return ok ? ExitCodes.Success : ExitCodes.Failed;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            await context.Out.WriteLineAsync("FAILED: " + CliCommon.DescribeFailure(ex, url, timeout)).ConfigureAwait(false);
            return ExitCodes.Failed;
        }
    }

    private static string Hint(HttpStatusCode status, XEmulatorSignatureHeaders headers) => (int)status switch
    {
        401 or 403 when headers is XEmulatorSignatureHeaders.Classic => "X would retry this delivery. A 401/403 usually means the signature did not verify: is --secret the receiver's consumer secret?",
        401 or 403 => "X would retry this delivery. A 401/403 usually means the signature did not verify: is --oauth2-secret the receiver's OAuth 2.0 client secret, and is the receiver set up to verify x-twitter-webhooks-signature-oauth2 (XWebhooks:OAuth2ClientSecret)?",
        >= 300 and < 400 => "X does not follow redirects; give the final URL.",
        404 or 405 => "Nothing handles POST at this path: is it the webhook URL?",
        _ => "X treats anything but 200 as a failed delivery and retries it.",
    };
}
