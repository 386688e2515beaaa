using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using XWebhooks.Testing;

namespace XWebhooks.Emulator;

/// <summary>
/// The emulator's own API (no token: it is a local tool): <c>POST /emulator/trigger</c>, <c>GET /emulator/deliveries</c>
/// (the log), <c>GET /emulator/events</c> (the kinds that can be triggered), <c>POST /emulator/crc</c> (X's periodic CRC, now).
/// </summary>
internal static class ControlEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, EmulatorServices x, EventTrigger trigger)
    {
        routes.MapPost("/emulator/trigger", (RequestDelegate)(context => TriggerAsync(context, x, trigger)));
        routes.MapGet("/emulator/deliveries", (RequestDelegate)(context => DeliveriesAsync(context, x)));
        routes.MapGet("/emulator/events", (RequestDelegate)(context => JsonResponses.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartArray("events");
            foreach (var name in XExamplePayloads.Names)
            {
                writer.WriteStringValue(name);
            }

            writer.WriteEndArray();
        })));
        routes.MapPost("/emulator/crc", (RequestDelegate)(async context =>
        {
            var results = await CrcSweep.RunAsync(x, context.RequestAborted).ConfigureAwait(false);
            await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, writer =>
            {
                writer.WriteStartArray("webhooks");
                foreach (var (id, failure) in results)
                {
                    writer.WriteStartObject();
                    writer.WriteString("id", id);
                    writer.WriteBoolean("valid", failure is null);
                    if (failure is not null)
                    {
                        writer.WriteString("error", failure);
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }).ConfigureAwait(false);
        }));
    }

    private static async Task TriggerAsync(HttpContext context, EmulatorServices x, EventTrigger trigger)
    {
        using var request = await JsonResponses.ReadObjectAsync(context).ConfigureAwait(false);
        if (request is null)
        {
            return;
        }

        var kind = JsonResponses.String(request.RootElement, "event");
        if (string.IsNullOrEmpty(kind))
        {
            await XApiProblems.InvalidRequestAsync(context, "InvalidRequest", "\"event\" is required, e.g. {\"event\":\"post.create\"}; GET /emulator/events lists the kinds.").ConfigureAwait(false);
            return;
        }

        List<DeliveryRecord> started;
        try
        {
            started = trigger.Trigger(kind, JsonResponses.String(request.RootElement, "webhook_id"));
        }
        catch (KeyNotFoundException ex)
        {
            await XApiProblems.InvalidRequestAsync(context, "InvalidRequest", ex.Message).ConfigureAwait(false);
            return;
        }
        catch (InvalidOperationException ex)
        {
            await XApiProblems.InvalidRequestAsync(context, "NoWebhook", ex.Message, StatusCodes.Status409Conflict).ConfigureAwait(false);
            return;
        }

        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartArray("deliveries");
            foreach (var delivery in started)
            {
                writer.WriteStartObject();
                writer.WriteString("id", delivery.Id);
                writer.WriteString("webhook_id", delivery.WebhookId);
                writer.WriteString("url", delivery.Url);
                writer.WriteString("event", delivery.EventKind);
                writer.WriteString("state", delivery.State.ToString());
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }).ConfigureAwait(false);
    }

    private static Task DeliveriesAsync(HttpContext context, EmulatorServices x)
    {
        List<XEmulatorDelivery> log;
        lock (x.State.Gate)
        {
            log = [.. x.State.Deliveries.Select(record => record.Snapshot())];
        }

        return JsonResponses.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartArray("deliveries");
            foreach (var delivery in log)
            {
                Write(writer, delivery);
            }

            writer.WriteEndArray();
        });
    }

    private static void Write(Utf8JsonWriter writer, XEmulatorDelivery delivery)
    {
        writer.WriteStartObject();
        writer.WriteString("id", delivery.Id);
        writer.WriteString("webhook_id", delivery.WebhookId);
        writer.WriteString("url", delivery.Url);
        writer.WriteString("event", delivery.EventKind);
        writer.WriteString("state", delivery.State.ToString());
        writer.WriteBoolean("replay", delivery.IsReplay);
        JsonResponses.WriteTimestamp(writer, "first_attempt_at", delivery.FirstAttemptAt);
        writer.WriteStartArray("attempts");
        foreach (var attempt in delivery.Attempts)
        {
            writer.WriteStartObject();
            JsonResponses.WriteTimestamp(writer, "at", attempt.At);
            if (attempt.Status is { } status)
            {
                writer.WriteNumber("status", status);
            }

            writer.WriteNumber("latency_ms", Math.Round(attempt.Latency.TotalMilliseconds, 1));
            if (attempt.Error is not null)
            {
                writer.WriteString("error", attempt.Error);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
