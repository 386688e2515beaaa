using System.CommandLine;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using XWebhooks.Emulator;
using XWebhooks.Security;

namespace XWebhooks.Cli.Commands;

/// <summary><c>xwebhooks emulate</c>: runs a local X (XWebhooks.Emulator) until Ctrl+C.</summary>
internal static class EmulateCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(CliContext context)
    {
        var url = new Option<string?>("--url") { Description = $"Where the emulator listens. Default: {TriggerCommand.DefaultEmulatorUrl}.", HelpName = "url" };
        var secret = CliCommon.SecretOption();
        var oauth2Secret = CliCommon.OAuth2SecretOption();
        var signatureHeader = CliCommon.SignatureHeaderOption();
        var crcSecret = CliCommon.CrcSecretOption();
        var bearer = new Option<string?>("--bearer-token") { Description = "The app-only bearer token the emulator accepts on /2/webhooks. Default: a random one, printed at start.", HelpName = "token" };
        var userTokens = new Option<string[]>("--user-token")
        {
            Description = "A user-context token the emulator accepts for a user, as TOKEN=USER_ID (repeatable): Account Activity subscribe/check and private X Activity event types (dm.*, like.*, …) need one.",
            HelpName = "token=user-id",
        };
        var register = new Option<string?>("--register") { Description = "Register this webhook URL at start (POST /2/webhooks, which runs a CRC against it).", HelpName = "webhook-url" };
        var command = new Command("emulate", "Run a local X: /2/webhooks with real CRC checks, signed deliveries with X's retries, replay, and a control API for 'xwebhooks trigger'. Stops on Ctrl+C.")
        {
            url,
            secret,
            oauth2Secret,
            signatureHeader,
            crcSecret,
            bearer,
            userTokens,
            register,
        };
        CliCommon.SetAction(command, context, (parseResult, cancellationToken) => RunAsync(
            context,
            CliCommon.ParseUrl(parseResult.GetValue(url) ?? TriggerCommand.DefaultEmulatorUrl, "emulator URL"),
            Secrets(parseResult, secret, oauth2Secret, signatureHeader, crcSecret, context),
            parseResult.GetValue(bearer) is { Length: > 0 } token ? token : "emulator-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            ParseUserTokens(parseResult.GetValue(userTokens) ?? []),
            parseResult.GetValue(register) is { } webhook ? CliCommon.ParseUrl(webhook) : null,
            cancellationToken));
        return command;
    }

    /// <summary>The signing settings: the consumer secret always (the emulator is an X app), the OAuth 2.0 client secret when a choice needs it.</summary>
    private static XEmulatorOptions Secrets(ParseResult parseResult, Option<string?> secret, Option<string?> oauth2Secret, Option<string> signatureHeader, Option<string> crcSecret, CliContext context)
    {
        var headers = DeliverySigner.ParseHeaders(parseResult.GetValue(signatureHeader));
        var crc = DeliverySigner.ParseCrcSecret(parseResult.GetValue(crcSecret));
        var options = new XEmulatorOptions { ConsumerSecret = CliCommon.ResolveSecret(parseResult.GetValue(secret), context), SignatureHeaders = headers, CrcSecret = crc };
        if (headers is not XEmulatorSignatureHeaders.Classic || crc is XCrcSecret.OAuth2ClientSecret)
        {
            options.OAuth2ClientSecret = CliCommon.ResolveOAuth2Secret(parseResult.GetValue(oauth2Secret), context, headers is not XEmulatorSignatureHeaders.Classic ? "--signature-header " + parseResult.GetValue(signatureHeader) : "--crc-secret oauth2");
        }

        return options;
    }

    /// <summary>
    /// <c>--user-token TOKEN=USER_ID</c> values as token → user id. The user id is X's numeric id; the token is what
    /// precedes the last '=' (so tokens may themselves contain '=').
    /// </summary>
    internal static IReadOnlyDictionary<string, string> ParseUserTokens(IEnumerable<string> values)
    {
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var split = value.LastIndexOf('=');
            var userId = split < 0 ? "" : value[(split + 1)..];
            if (split < 1 || userId.Length is 0 or > 19 || !userId.All(char.IsAsciiDigit))
            {
                throw new UsageException($"--user-token '{value}' must be TOKEN=USER_ID, the user id being X's numeric id (1 to 19 digits).");
            }

            if (!tokens.TryAdd(value[..split], userId))
            {
                throw new UsageException($"--user-token gives the token '{value[..split]}' twice.");
            }
        }

        return tokens;
    }

    private static async Task<int> RunAsync(CliContext context, Uri url, XEmulatorOptions options, string bearerToken, IReadOnlyDictionary<string, string> userTokens, Uri? register, CancellationToken cancellationToken)
    {
        options.BearerToken = bearerToken;
        foreach (var (token, userId) in userTokens)
        {
            options.UserTokens[token] = userId;
        }

        options.Url = url.GetLeftPart(UriPartial.Authority);
        XEmulator emulator;
        try
        {
            emulator = XEmulator.Create(options);
        }
        catch (InvalidOperationException ex)
        {
            throw new UsageException(ex.Message);
        }

        var gate = new Lock();
        void Print(string line)
        {
            lock (gate)
            {
                context.Out.WriteLine(line);
                context.Out.Flush();
            }
        }

        await using (emulator.ConfigureAwait(false))
        {
            emulator.DeliveryCompleted += delivery => Print(Describe(delivery));
            try
            {
                await emulator.StartAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (IOException ex)
            {
                await context.Out.WriteLineAsync($"FAILED: cannot listen on {options.Url}: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.Failed;
            }

            var baseAddress = emulator.BaseAddress;
            Print($"X emulator listening on {baseAddress}");
            Print($"  Bearer token:  {bearerToken}   (send 'Authorization: Bearer {bearerToken}' to /2/webhooks)");
            foreach (var (token, userId) in userTokens)
            {
                Print($"  User token:    {token}   (acts for user {userId}: Account Activity subscriptions, private X Activity event types)");
            }

            Print(options.SignatureHeaders switch
            {
                XEmulatorSignatureHeaders.OAuth2 => "  Deliveries are signed with the OAuth 2.0 client secret you gave (x-twitter-webhooks-signature-oauth2); the receiver must use the same one.",
                XEmulatorSignatureHeaders.Both => "  Deliveries carry both signature headers, keyed with the consumer secret and the OAuth 2.0 client secret you gave; the receiver must use the same ones.",
                _ => "  Deliveries are signed with the consumer secret you gave; the receiver must use the same one.",
            });
            Print("  Localhost webhook URLs are relaxed: http and any port are accepted (X itself requires https on port 443).");
            Print($"  Trigger an event: xwebhooks trigger post.create --emulator {baseAddress.GetLeftPart(UriPartial.Authority)}");
            if (register is not null)
            {
                Print(await RegisterAsync(baseAddress, bearerToken, register, cancellationToken).ConfigureAwait(false));
            }

            Print("Press Ctrl+C to stop.");
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C.
            }

            Print("Stopping.");
            await emulator.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }

    /// <summary>One line for a finished delivery.</summary>
    internal static string Describe(XEmulatorDelivery delivery)
    {
        var last = delivery.Attempts.Count > 0 ? delivery.Attempts[^1] : null;
        var attempts = delivery.Attempts.Count == 1 ? "1 attempt" : $"{delivery.Attempts.Count} attempts";
        var outcome = delivery.State switch
        {
            XEmulatorDeliveryState.Delivered => $"delivered, {last?.Status} in {CliCommon.FormatDuration(last?.Latency ?? TimeSpan.Zero)} ({attempts})",
            XEmulatorDeliveryState.Failed => $"FAILED after {attempts}: {last?.Error ?? "no answer"}",
            XEmulatorDeliveryState.Skipped => "skipped: the webhook is invalid (validate it with PUT /2/webhooks/<id>)",
            _ => delivery.State.ToString(),
        };
        return $"{(delivery.IsReplay ? "replay " : string.Empty)}delivery {delivery.Id} {delivery.EventKind} → webhook {delivery.WebhookId} {delivery.Url}: {outcome}";
    }

    private static async Task<string> RegisterAsync(Uri baseAddress, string bearerToken, Uri webhook, CancellationToken cancellationToken)
    {
        using var client = CliCommon.CreateHttpClient(TimeSpan.FromSeconds(30));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseAddress, "/2/webhooks"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("url", webhook.ToString());
            writer.WriteEndObject();
        }

        request.Content = new ByteArrayContent(buffer.ToArray());
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        try
        {
            using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (response.IsSuccessStatusCode && root.TryGetProperty("data", out var data) && data.TryGetProperty("id", out var id))
            {
                var valid = data.TryGetProperty("valid", out var v) && v.ValueKind == JsonValueKind.True;
                return $"Registered {webhook} as webhook {id.GetString()} (it passed the CRC; valid: {(valid ? "true" : "false")}).";
            }

            // X puts the specific "<Reason>: <Details>" in errors[].message, under a generic detail.
            var detail = root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0
                && errors[0].TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()
                : root.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : CliCommon.Snippet(body);
            return $"Registering {webhook} FAILED ({CliCommon.FormatStatus(response.StatusCode)}): {detail}. Fix the receiver, then register again (POST /2/webhooks).";
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException)
        {
            return $"Registering {webhook} FAILED: {ex.Message}";
        }
    }
}
