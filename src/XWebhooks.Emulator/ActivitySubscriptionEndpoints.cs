using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace XWebhooks.Emulator;

/// <summary>
/// X Activity API subscriptions (<c>/2/activity/subscriptions</c>): create, list (paged), update tag or webhook,
/// delete (one, or 1–100 with <c>?ids=</c>). Create answers in the current spec's shape, <c>{"data":{"subscription":{…}}}</c>.
/// </summary>
internal static class ActivitySubscriptionEndpoints
{
    private const string Group = "activity_subscriptions";
    private const string Path = "/2/activity/subscriptions";

    public static void Map(IEndpointRouteBuilder routes, EmulatorServices x)
    {
        routes.MapPost(Path, (RequestDelegate)(context => CreateAsync(context, x)));
        routes.MapGet(Path, (RequestDelegate)(context => ListAsync(context, x)));
        routes.MapPut(Path + "/{id}", (RequestDelegate)(context => UpdateAsync(context, x, (string)context.Request.RouteValues["id"]!)));
        routes.MapDelete(Path + "/{id}", (RequestDelegate)(context => DeleteAsync(context, x, (string)context.Request.RouteValues["id"]!)));
        routes.MapDelete(Path, (RequestDelegate)(context => DeleteManyAsync(context, x)));
    }

    private static async Task CreateAsync(HttpContext context, EmulatorServices x)
    {
        if (!await x.AdmitAppAsync(context, Group, x.Options.SubscriptionRequestsPerWindow).ConfigureAwait(false))
        {
            return;
        }

        using var request = await JsonResponses.ReadObjectAsync(context).ConfigureAwait(false);
        if (request is null)
        {
            return;
        }

        var root = request.RootElement;
        var eventType = JsonResponses.String(root, "event_type");
        if (string.IsNullOrEmpty(eventType) || !root.TryGetProperty("filter", out var filter) || filter.ValueKind != JsonValueKind.Object)
        {
            await XApiProblems.WriteAsync(context, StatusCodes.Status400BadRequest, "InvalidRequest", "event_type and filter are required.").ConfigureAwait(false);
            return;
        }

        var webhookId = JsonResponses.String(root, "webhook_id");
        var subscription = new EmulatedActivitySubscription(
            x.State.NewId(), eventType, JsonResponses.String(filter, "user_id"), JsonResponses.String(filter, "keyword"), JsonResponses.String(filter, "direction"), x.Time.GetUtcNow())
        {
            Tag = JsonResponses.String(root, "tag"),
            WebhookId = webhookId,
        };

        string? refusal = null;
        int total;
        lock (x.State.Gate)
        {
            if (webhookId is not null && x.State.FindWebhook(webhookId) is null)
            {
                refusal = "WebhookIdInvalid";
            }
            else if (x.State.ActivitySubscriptions.Exists(s => s.EventType == eventType && s.UserId == subscription.UserId && s.Keyword == subscription.Keyword
                && s.Direction == subscription.Direction && s.WebhookId == webhookId))
            {
                refusal = "DuplicateSubscriptionFailed";
            }
            else if (x.State.ActivitySubscriptions.Count >= x.Options.MaxActivitySubscriptions)
            {
                refusal = "SubscriptionLimitExceeded";
            }
            else
            {
                x.State.ActivitySubscriptions.Add(subscription);
            }

            total = x.State.ActivitySubscriptions.Count;
        }

        if (refusal is not null)
        {
            var detail = refusal switch
            {
                "WebhookIdInvalid" => $"No webhook has the id '{webhookId}'.",
                "SubscriptionLimitExceeded" => $"The app has reached its maximum of {x.Options.MaxActivitySubscriptions} subscriptions.",
                _ => "An identical subscription exists.",
            };
            await XApiProblems.WriteAsync(context, StatusCodes.Status400BadRequest, refusal, detail).ConfigureAwait(false);
            return;
        }

        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject("data");
            writer.WritePropertyName("subscription");
            Write(writer, subscription);
            writer.WriteEndObject();
            WriteMeta(writer, total);
        }).ConfigureAwait(false);
    }

    private static async Task ListAsync(HttpContext context, EmulatorServices x)
    {
        if (!await x.AdmitAppAsync(context, Group, x.Options.SubscriptionRequestsPerWindow).ConfigureAwait(false))
        {
            return;
        }

        var query = context.Request.Query;
        var max = int.TryParse(query["max_results"], NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? Math.Clamp(m, 1, 1000) : 100;
        var offset = int.TryParse(query["pagination_token"], NumberStyles.None, CultureInfo.InvariantCulture, out var o) ? o : 0;
        List<EmulatedActivitySubscription> page;
        int total;
        lock (x.State.Gate)
        {
            total = x.State.ActivitySubscriptions.Count;
            page = x.State.ActivitySubscriptions.Skip(offset).Take(max).ToList();
        }

        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartArray("data");
            foreach (var subscription in page)
            {
                Write(writer, subscription);
            }

            writer.WriteEndArray();
            writer.WriteStartObject("meta");
            writer.WriteNumber("total_subscriptions", total);
            writer.WriteNumber("result_count", page.Count);
            if (offset + page.Count < total)
            {
                writer.WriteString("next_token", (offset + page.Count).ToString(CultureInfo.InvariantCulture));
            }

            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private static async Task UpdateAsync(HttpContext context, EmulatorServices x, string id)
    {
        if (!await x.AdmitAppAsync(context, Group, x.Options.SubscriptionRequestsPerWindow).ConfigureAwait(false))
        {
            return;
        }

        using var request = await JsonResponses.ReadObjectAsync(context).ConfigureAwait(false);
        if (request is null)
        {
            return;
        }

        var root = request.RootElement;
        EmulatedActivitySubscription? subscription;
        var webhookKnown = true;
        int total;
        lock (x.State.Gate)
        {
            subscription = x.State.ActivitySubscriptions.Find(s => s.Id == id);
            var webhookId = JsonResponses.String(root, "webhook_id");
            webhookKnown = webhookId is null || x.State.FindWebhook(webhookId) is not null;
            if (subscription is not null && webhookKnown)
            {
                // Only the tag and the webhook can change (X: "updating the filter or event_type requires deleting").
                subscription.Tag = root.TryGetProperty("tag", out _) ? JsonResponses.String(root, "tag") : subscription.Tag;
                subscription.WebhookId = root.TryGetProperty("webhook_id", out _) ? webhookId : subscription.WebhookId;
                subscription.UpdatedAt = x.Time.GetUtcNow();
            }

            total = x.State.ActivitySubscriptions.Count;
        }

        if (subscription is null)
        {
            await SubscriptionNotFoundAsync(context, id).ConfigureAwait(false);
            return;
        }

        if (!webhookKnown)
        {
            await XApiProblems.WriteAsync(context, StatusCodes.Status400BadRequest, "WebhookIdInvalid", "No webhook has that id.").ConfigureAwait(false);
            return;
        }

        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WritePropertyName("data");
            Write(writer, subscription);
            WriteMeta(writer, total);
        }).ConfigureAwait(false);
    }

    private static async Task DeleteAsync(HttpContext context, EmulatorServices x, string id)
    {
        if (!await x.AdmitAppAsync(context, Group, x.Options.SubscriptionRequestsPerWindow).ConfigureAwait(false))
        {
            return;
        }

        bool removed;
        int total;
        lock (x.State.Gate)
        {
            removed = x.State.ActivitySubscriptions.RemoveAll(s => s.Id == id) > 0;
            total = x.State.ActivitySubscriptions.Count;
        }

        if (!removed)
        {
            await SubscriptionNotFoundAsync(context, id).ConfigureAwait(false);
            return;
        }

        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject("data");
            writer.WriteBoolean("deleted", true);
            writer.WriteEndObject();
            WriteMeta(writer, total);
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// <c>DELETE /2/activity/subscriptions?ids=a,b</c>: deletes what exists and answers 200 with
    /// <c>errors[{subscription_id, reason, message}]</c> for the ids it could not delete, as the spec shows.
    /// </summary>
    private static async Task DeleteManyAsync(HttpContext context, EmulatorServices x)
    {
        if (!await x.AdmitAppAsync(context, Group, x.Options.SubscriptionRequestsPerWindow).ConfigureAwait(false))
        {
            return;
        }

        var ids = context.Request.Query["ids"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (ids.Length is < 1 or > 100)
        {
            await XApiProblems.WriteAsync(context, StatusCodes.Status400BadRequest, "InvalidRequest", "ids must list 1 to 100 subscription ids, comma-separated.").ConfigureAwait(false);
            return;
        }

        var missing = new List<string>();
        int total;
        lock (x.State.Gate)
        {
            foreach (var id in ids)
            {
                if (x.State.ActivitySubscriptions.RemoveAll(s => s.Id == id) == 0)
                {
                    missing.Add(id);
                }
            }

            total = x.State.ActivitySubscriptions.Count;
        }

        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject("data");
            writer.WriteBoolean("deleted", missing.Count < ids.Length);
            writer.WriteEndObject();
            if (missing.Count > 0)
            {
                writer.WriteStartArray("errors");
                foreach (var id in missing)
                {
                    writer.WriteStartObject();
                    writer.WriteString("subscription_id", id);
                    writer.WriteString("reason", "SubscriptionNotFound");
                    writer.WriteString("message", $"No subscription has the id '{id}'.");
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            WriteMeta(writer, total);
        }).ConfigureAwait(false);
    }

    private static Task SubscriptionNotFoundAsync(HttpContext context, string id) =>
        XApiProblems.WriteAsync(context, StatusCodes.Status404NotFound, "SubscriptionNotFound", $"No subscription has the id '{id}'.");

    private static void WriteMeta(Utf8JsonWriter writer, int total)
    {
        writer.WriteStartObject("meta");
        writer.WriteNumber("total_subscriptions", total);
        writer.WriteEndObject();
    }

    private static void Write(Utf8JsonWriter writer, EmulatedActivitySubscription subscription)
    {
        writer.WriteStartObject();
        writer.WriteString("subscription_id", subscription.Id);
        writer.WriteString("event_type", subscription.EventType);
        writer.WriteStartObject("filter");
        if (subscription.UserId is not null)
        {
            writer.WriteString("user_id", subscription.UserId);
        }

        if (subscription.Keyword is not null)
        {
            writer.WriteString("keyword", subscription.Keyword);
        }

        if (subscription.Direction is not null)
        {
            writer.WriteString("direction", subscription.Direction);
        }

        writer.WriteEndObject();
        JsonResponses.WriteTimestamp(writer, "created_at", subscription.CreatedAt);
        JsonResponses.WriteTimestamp(writer, "updated_at", subscription.UpdatedAt);
        if (subscription.Tag is not null)
        {
            writer.WriteString("tag", subscription.Tag);
        }

        if (subscription.WebhookId is not null)
        {
            writer.WriteString("webhook_id", subscription.WebhookId);
        }

        writer.WriteEndObject();
    }
}
