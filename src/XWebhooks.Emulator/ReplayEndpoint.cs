using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace XWebhooks.Emulator;

/// <summary>
/// <c>POST /2/webhooks/replay</c>: a job that re-sends, byte for byte and in order, every event first attempted
/// to the webhook within <c>from_date</c>..<c>to_date</c> (UTC minutes, both inclusive; delivered, failed or
/// skipped alike: X replays what was "delivered or attempted"), then a <c>replay_job_status</c> message.
/// Relaxed for local use: the window may end now (X wants it at least 10 minutes old).
/// </summary>
internal static class ReplayEndpoint
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromHours(24);

    public static void Map(IEndpointRouteBuilder routes, EmulatorServices x) =>
        routes.MapPost("/2/webhooks/replay", (RequestDelegate)(context => CreateAsync(context, x)));

    private static async Task CreateAsync(HttpContext context, EmulatorServices x)
    {
        if (!await x.AdmitAppAsync(context, "replay", x.Options.ReplayRequestsPerWindow).ConfigureAwait(false))
        {
            return;
        }

        using var request = await JsonResponses.ReadObjectAsync(context).ConfigureAwait(false);
        if (request is null)
        {
            return;
        }

        var webhookId = JsonResponses.String(request.RootElement, "webhook_id") ?? "";
        var now = x.Time.GetUtcNow();
        if (CheckWindow(JsonResponses.String(request.RootElement, "from_date"), JsonResponses.String(request.RootElement, "to_date"), now, out var from, out var to) is { } invalid)
        {
            await XApiProblems.InvalidRequestAsync(context, "QueryParamInvalid", invalid).ConfigureAwait(false);
            return;
        }

        var jobId = x.State.NewId();
        EmulatedWebhook? webhook;
        string? conflict = null;
        lock (x.State.Gate)
        {
            webhook = x.State.FindWebhook(webhookId);
            if (webhook is not null && webhook.Valid && !x.State.RunningReplays.TryAdd(webhookId, jobId))
            {
                conflict = x.State.RunningReplays[webhookId];
            }
        }

        if (webhook is null)
        {
            await WebhookEndpoints.WebhookIdInvalidAsync(context, webhookId).ConfigureAwait(false);
            return;
        }

        if (!webhook.Valid)
        {
            await XApiProblems.InvalidRequestAsync(context, "CrcValidationFailed", "The webhook is invalid; validate it (PUT /2/webhooks/:id) before replaying.").ConfigureAwait(false);
            return;
        }

        if (conflict is not null)
        {
            await XApiProblems.InvalidRequestAsync(context, "ReplayConflictError", $"A replay job ({conflict}) is already in progress for the specified webhook.", StatusCodes.Status409Conflict).ConfigureAwait(false);
            return;
        }

        _ = Task.Run(() => RunAsync(x, webhook, jobId, from, to));
        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject("data");
            writer.WriteString("job_id", jobId);
            JsonResponses.WriteTimestamp(writer, "created_at", now);
            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private static string? CheckWindow(string? fromText, string? toText, DateTimeOffset now, out DateTimeOffset from, out DateTimeOffset to)
    {
        to = default;
        if (!TryParseMinute(fromText, out from) || !TryParseMinute(toText, out to))
        {
            return "from_date and to_date are required, as UTC yyyyMMddHHmm (12 digits).";
        }

        if (from > to)
        {
            return "from_date is after to_date.";
        }

        if (to > now)
        {
            return "to_date is in the future.";
        }

        return from < now - MaxAge ? "from_date is more than 24 hours ago." : null;
    }

    private static bool TryParseMinute(string? text, out DateTimeOffset value) =>
        DateTimeOffset.TryParseExact(text, "yyyyMMddHHmm", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);

    private static async Task RunAsync(EmulatorServices x, EmulatedWebhook webhook, string jobId, DateTimeOffset from, DateTimeOffset to)
    {
        var until = to.AddMinutes(1);
        List<DeliveryRecord> originals;
        lock (x.State.Gate)
        {
            originals = x.State.Deliveries
                .Where(d => d.WebhookId == webhook.Id && !d.IsReplay && d.FirstAttemptAt >= from && d.FirstAttemptAt < until)
                .OrderBy(d => d.FirstAttemptAt)
                .ToList();
        }

        var complete = true;
        try
        {
            foreach (var original in originals)
            {
                var replayed = x.Deliveries.Start(webhook, original.EventKind, original.Body, isReplay: true, out var sending);
                await sending.ConfigureAwait(false);
                lock (x.State.Gate)
                {
                    complete &= replayed.State == XEmulatorDeliveryState.Delivered;
                }
            }

            x.Deliveries.Start(webhook, "replay_job_status", DeliveryEngine.ReplayStatusBody(webhook.Id, jobId, complete), isReplay: true, out var status);
            await status.ConfigureAwait(false);
        }
        finally
        {
            lock (x.State.Gate)
            {
                x.State.RunningReplays.Remove(webhook.Id);
            }
        }

        EmulatorLog.ReplayFinished(x.Logger, jobId, webhook.Id, originals.Count, complete ? "Complete" : "Incomplete");
    }
}
