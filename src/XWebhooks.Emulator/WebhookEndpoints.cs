using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace XWebhooks.Emulator;

/// <summary><c>/2/webhooks</c>: register (with a CRC), list, validate again (PUT, a CRC), delete.</summary>
internal static class WebhookEndpoints
{
    private const string Group = "webhooks";

    public static void Map(IEndpointRouteBuilder routes, EmulatorServices x)
    {
        routes.MapPost("/2/webhooks", (RequestDelegate)(context => CreateAsync(context, x)));
        routes.MapGet("/2/webhooks", (RequestDelegate)(context => ListAsync(context, x)));
        routes.MapPut("/2/webhooks/{id}", (RequestDelegate)(context => ValidateAsync(context, x, (string)context.Request.RouteValues["id"]!)));
        routes.MapDelete("/2/webhooks/{id}", (RequestDelegate)(context => DeleteAsync(context, x, (string)context.Request.RouteValues["id"]!)));
    }

    private static async Task CreateAsync(HttpContext context, EmulatorServices x)
    {
        if (!await x.AdmitAppAsync(context, Group, x.Options.WebhookRequestsPerWindow).ConfigureAwait(false))
        {
            return;
        }

        using var request = await JsonResponses.ReadObjectAsync(context).ConfigureAwait(false);
        if (request is null)
        {
            return;
        }

        var url = JsonResponses.String(request.RootElement, "url");
        if (WebhookUrlRules.Check(url, out var relaxed) is { } invalid)
        {
            await XApiProblems.InvalidRequestAsync(context, "UrlValidationFailed", invalid).ConfigureAwait(false);
            return;
        }

        lock (x.State.Gate)
        {
            if (x.State.Webhooks.Exists(webhook => webhook.Url == url))
            {
                url = null;
            }
            else if (x.State.Webhooks.Count >= x.Options.MaxWebhooks)
            {
                url = "";
            }
        }

        if (url is null)
        {
            await XApiProblems.InvalidRequestAsync(context, "DuplicateUrlFailed", "This app already registered this URL.").ConfigureAwait(false);
            return;
        }

        if (url.Length == 0)
        {
            await XApiProblems.InvalidRequestAsync(context, "WebhookLimitExceeded", $"The app has reached its maximum of {x.Options.MaxWebhooks} webhooks.").ConfigureAwait(false);
            return;
        }

        if (relaxed)
        {
            EmulatorLog.UrlRulesRelaxed(x.Logger, url);
            context.Response.Headers["x-emulator-note"] = "URL rules relaxed for this machine: real X requires https on port 443.";
        }

        if (await x.Crc.CheckAsync(url, context.RequestAborted).ConfigureAwait(false) is { } failure)
        {
            EmulatorLog.CrcFailed(x.Logger, url, failure);
            await XApiProblems.InvalidRequestAsync(context, "CrcValidationFailed", "The webhook did not answer the CRC correctly: " + failure).ConfigureAwait(false);
            return;
        }

        var webhook = new EmulatedWebhook(x.State.NewId(), url, x.Time.GetUtcNow());
        string? lostRace = null;
        lock (x.State.Gate)
        {
            // Checked again: a concurrent registration may have taken the URL or the last slot during the CRC.
            if (x.State.Webhooks.Exists(existing => existing.Url == url))
            {
                lostRace = "DuplicateUrlFailed";
            }
            else if (x.State.Webhooks.Count >= x.Options.MaxWebhooks)
            {
                lostRace = "WebhookLimitExceeded";
            }
            else
            {
                x.State.Webhooks.Add(webhook);
            }
        }

        if (lostRace is not null)
        {
            await XApiProblems.InvalidRequestAsync(context, lostRace, "Another registration took the URL or the last webhook slot meanwhile.").ConfigureAwait(false);
            return;
        }

        EmulatorLog.WebhookCreated(x.Logger, webhook.Id, url);
        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WritePropertyName("data");
            Write(writer, webhook);
        }).ConfigureAwait(false);
    }

    private static async Task ListAsync(HttpContext context, EmulatorServices x)
    {
        if (!await x.AdmitAppAsync(context, Group, x.Options.WebhookRequestsPerWindow).ConfigureAwait(false))
        {
            return;
        }

        List<EmulatedWebhook> webhooks;
        lock (x.State.Gate)
        {
            webhooks = [.. x.State.Webhooks];
        }

        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartArray("data");
            foreach (var webhook in webhooks)
            {
                Write(writer, webhook);
            }

            writer.WriteEndArray();
            writer.WriteStartObject("meta");
            writer.WriteNumber("result_count", webhooks.Count);
            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private static async Task ValidateAsync(HttpContext context, EmulatorServices x, string id)
    {
        if (!await x.AdmitAppAsync(context, Group, x.Options.WebhookRequestsPerWindow).ConfigureAwait(false))
        {
            return;
        }

        EmulatedWebhook? webhook;
        lock (x.State.Gate)
        {
            webhook = x.State.FindWebhook(id);
        }

        if (webhook is null)
        {
            await WebhookIdInvalidAsync(context, id).ConfigureAwait(false);
            return;
        }

        var failure = await x.Crc.CheckAsync(webhook.Url, context.RequestAborted).ConfigureAwait(false);
        SetValid(x, webhook, failure is null);
        if (failure is not null)
        {
            EmulatorLog.CrcFailed(x.Logger, webhook.Url, failure);
            await XApiProblems.InvalidRequestAsync(context, "CrcValidationFailed", "The webhook did not answer the CRC correctly: " + failure).ConfigureAwait(false);
            return;
        }

        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject("data");
            writer.WriteBoolean("valid", true);
            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private static async Task DeleteAsync(HttpContext context, EmulatorServices x, string id)
    {
        if (!await x.AdmitAppAsync(context, Group, x.Options.WebhookRequestsPerWindow).ConfigureAwait(false))
        {
            return;
        }

        bool removed;
        lock (x.State.Gate)
        {
            removed = x.State.Webhooks.RemoveAll(webhook => webhook.Id == id) > 0;
            if (removed)
            {
                x.State.ActivitySubscriptions.RemoveAll(subscription => subscription.WebhookId == id);
                x.State.AccountActivitySubscriptions.Remove(id);
                x.State.StreamLinks.Remove(id);
            }
        }

        if (!removed)
        {
            await WebhookIdInvalidAsync(context, id).ConfigureAwait(false);
            return;
        }

        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject("data");
            writer.WriteBoolean("deleted", true);
            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }

    /// <summary>Marks the webhook valid or not; logs when it turns invalid (it then receives nothing).</summary>
    public static void SetValid(EmulatorServices x, EmulatedWebhook webhook, bool valid)
    {
        bool turnedInvalid;
        lock (x.State.Gate)
        {
            turnedInvalid = webhook.Valid && !valid;
            webhook.Valid = valid;
        }

        if (turnedInvalid)
        {
            EmulatorLog.WebhookInvalid(x.Logger, webhook.Id);
        }
    }

    public static Task WebhookIdInvalidAsync(HttpContext context, string id) =>
        XApiProblems.InvalidRequestAsync(context, "WebhookIdInvalid", $"No webhook has the id '{id}'.");

    private static void Write(Utf8JsonWriter writer, EmulatedWebhook webhook)
    {
        writer.WriteStartObject();
        writer.WriteString("id", webhook.Id);
        writer.WriteString("url", webhook.Url);
        writer.WriteBoolean("valid", webhook.Valid);
        JsonResponses.WriteTimestamp(writer, "created_at", webhook.CreatedAt);
        writer.WriteEndObject();
    }
}
