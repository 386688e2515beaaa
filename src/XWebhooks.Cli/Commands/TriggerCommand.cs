using System.CommandLine;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace XWebhooks.Cli.Commands;

/// <summary><c>xwebhooks trigger &lt;kind&gt;</c>: asks a running emulator (<c>xwebhooks emulate</c>) to deliver an event.</summary>
internal static class TriggerCommand
{
    /// <summary>Where <c>xwebhooks emulate</c> listens by default.</summary>
    internal const string DefaultEmulatorUrl = "http://127.0.0.1:5090";

    /// <summary>Creates the command.</summary>
    public static Command Create(CliContext context)
    {
        var kind = new Argument<string>("kind") { Description = "The event kind to deliver (see 'xwebhooks events'), e.g. post.create." };
        var emulator = new Option<string>("--emulator") { Description = $"The emulator's base URL. Default: {DefaultEmulatorUrl}.", HelpName = "url" };
        var webhookId = new Option<string?>("--webhook-id") { Description = "Deliver to this webhook only. Default: every valid registered webhook.", HelpName = "id" };
        var timeout = CliCommon.TimeoutOption();
        var command = new Command("trigger", "Make a running emulator ('xwebhooks emulate') deliver an event to its registered webhooks, signed as X signs it.")
        {
            kind,
            emulator,
            webhookId,
            timeout,
        };
        CliCommon.SetAction(command, context, (parseResult, cancellationToken) => RunAsync(
            context,
            EventCatalog.Resolve(parseResult.GetValue(kind)),
            CliCommon.ParseUrl(parseResult.GetValue(emulator) ?? DefaultEmulatorUrl, "emulator URL"),
            parseResult.GetValue(webhookId) is { Length: > 0 } id ? id : null,
            CliCommon.GetTimeout(parseResult, timeout),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, string eventName, Uri emulator, string? webhookId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var url = new Uri(emulator, "/emulator/trigger");
        using var client = CliCommon.CreateHttpClient(timeout);
        using var content = new ByteArrayContent(RequestBody(eventName, webhookId));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        HttpStatusCode status;
        byte[] answer;
        try
        {
            using var response = await client.PostAsync(url, content, cancellationToken).ConfigureAwait(false);
            status = response.StatusCode;
            answer = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            await context.Out.WriteLineAsync($"FAILED: {CliCommon.DescribeFailure(ex, url, timeout)}. Is 'xwebhooks emulate' running at {emulator}?").ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        switch (status)
        {
            case HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.Accepted:
                return await PrintDeliveriesAsync(context, eventName, answer).ConfigureAwait(false);
            case HttpStatusCode.BadRequest:
                await context.Error.WriteLineAsync($"error: the emulator refused the event: {ErrorText(answer)}").ConfigureAwait(false);
                return ExitCodes.BadInput;
            case HttpStatusCode.Conflict:
                await context.Out.WriteLineAsync($"FAILED: no webhook to deliver to{(webhookId is null ? string.Empty : $" (id {webhookId})")}: {ErrorText(answer)}").ConfigureAwait(false);
                await context.Out.WriteLineAsync("Register one first (xwebhooks emulate --register <url>, or POST /2/webhooks), and make sure it passed the CRC (PUT /2/webhooks/<id> re-checks).").ConfigureAwait(false);
                return ExitCodes.Failed;
            default:
                await context.Out.WriteLineAsync($"FAILED: the emulator answered {CliCommon.FormatStatus(status)}: {CliCommon.Snippet(answer)}").ConfigureAwait(false);
                return ExitCodes.Failed;
        }
    }

    /// <summary><c>{"event":…,"webhook_id":…}</c>.</summary>
    internal static byte[] RequestBody(string eventName, string? webhookId)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("event", eventName);
            if (webhookId is not null)
            {
                writer.WriteString("webhook_id", webhookId);
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static async Task<int> PrintDeliveriesAsync(CliContext context, string eventName, byte[] answer)
    {
        var lines = new List<string>();
        try
        {
            using var document = JsonDocument.Parse(answer);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("deliveries", out var deliveries)
                && deliveries.ValueKind == JsonValueKind.Array)
            {
                foreach (var delivery in deliveries.EnumerateArray())
                {
                    var state = delivery.TryGetProperty("state", out _) ? ", " + Text(delivery, "state") : string.Empty;
                    var skipped = state == ", Skipped" ? " — the webhook is invalid; validate it with PUT /2/webhooks/<id>" : string.Empty;
                    lines.Add($"  delivery {Text(delivery, "id")} → webhook {Text(delivery, "webhook_id")} {Text(delivery, "url")} ({Text(delivery, "event")}{state}){skipped}");
                }
            }
            else
            {
                lines.Add("  (unexpected answer: " + CliCommon.Snippet(answer) + ")");
            }
        }
        catch (JsonException)
        {
            lines.Add("  (answer is not JSON: " + CliCommon.Snippet(answer) + ")");
        }

        await context.Out.WriteLineAsync($"Triggered {eventName}: {lines.Count(line => line.StartsWith("  delivery", StringComparison.Ordinal))} deliveries").ConfigureAwait(false);
        foreach (var line in lines)
        {
            await context.Out.WriteLineAsync(line).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString() ?? "?" : value.GetRawText()
            : "?";

    private static string ErrorText(byte[] answer)
    {
        try
        {
            using var document = JsonDocument.Parse(answer);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                foreach (var name in (string[])["error", "detail", "message", "title"])
                {
                    if (root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
                    {
                        return value.GetString()!;
                    }
                }
            }
        }
        catch (JsonException)
        {
        }

        return CliCommon.Snippet(answer);
    }
}
