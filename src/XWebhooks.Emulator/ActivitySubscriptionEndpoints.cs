using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace XWebhooks.Emulator;

/// <summary>
/// X Activity API subscriptions (<c>/2/activity/subscriptions</c>): create, list (paged), update tag or webhook,
/// delete (one, or 1–100 with <c>?ids=</c>), each answering in the shape of X's spec (@xdevplatform/xdk 0.6.6 types).
/// Public event types accept the app token; private ones (<see cref="ActivityEventPrivacy"/>) a user token of the
/// user in <c>filter.user_id</c>.
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
        var (admitted, tokenUser) = await x.AdmitAppOrUserAsync(context, Group, x.Options.SubscriptionRequestsPerWindow).ConfigureAwait(false);
        if (!admitted)
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
            await XApiProblems.InvalidRequestAsync(context, "InvalidRequest", "event_type and filter are required.").ConfigureAwait(false);
            return;
        }

        var filterUser = JsonResponses.String(filter, "user_id");
        if (ActivityEventPrivacy.IsPrivate(eventType) && (tokenUser is null || tokenUser != filterUser))
        {
            await XApiProblems.NotAuthorizedForUserAsync(context, eventType, filterUser).ConfigureAwait(false);
            return;
        }

        var webhookId = JsonResponses.String(root, "webhook_id");
        var subscription = new EmulatedActivitySubscription(
            x.State.NewId(), eventType, filterUser, JsonResponses.String(filter, "keyword"), JsonResponses.String(filter, "direction"), x.Time.GetUtcNow())
        {
            Tag = JsonResponses.String(root, "tag"),
            WebhookId = webhookId,
        };

        string? refusal = null;
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
        }

        if (refusal is not null)
        {
            var detail = refusal switch
            {
                "WebhookIdInvalid" => $"No webhook has the id '{webhookId}'.",
                "SubscriptionLimitExceeded" => $"The app has reached its maximum of {x.Options.MaxActivitySubscriptions} subscriptions.",
                _ => "An identical subscription exists.",
            };
            await XApiProblems.InvalidRequestAsync(context, refusal, detail).ConfigureAwait(false);
            return;
        }

        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject("data");
            writer.WritePropertyName("subscription");
            Write(writer, subscription);
            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// Pages of <c>max_results</c> (1–1000, default 1000 as X documents) with an opaque <c>meta.next_token</c> to pass
    /// back as <c>pagination_token</c>, and <c>meta.total_subscriptions</c> as X's quickstart shows.
    /// </summary>
    private static async Task ListAsync(HttpContext context, EmulatorServices x)
    {
        if (!(await x.AdmitAppOrUserAsync(context, Group, x.Options.SubscriptionRequestsPerWindow).ConfigureAwait(false)).Admitted)
        {
            return;
        }

        var query = context.Request.Query;
        var max = 1000;
        if (query.ContainsKey("max_results")
            && (!int.TryParse(query["max_results"], NumberStyles.None, CultureInfo.InvariantCulture, out max) || max is < 1 or > 1000))
        {
            await XApiProblems.InvalidRequestAsync(context, "QueryParamInvalid", $"The `max_results` query parameter value [{query["max_results"]}] is not between 1 and 1000.").ConfigureAwait(false);
            return;
        }

        var paged = query.ContainsKey("pagination_token");
        var first = paged ? PaginationToken.Decode(query["pagination_token"].ToString()) : null;
        if (paged && first is null)
        {
            await XApiProblems.InvalidRequestAsync(context, "QueryParamInvalid", $"The `pagination_token` query parameter value [{query["pagination_token"]}] is not a token this API gave.").ConfigureAwait(false);
            return;
        }

        List<EmulatedActivitySubscription> page;
        string? next = null;
        int total;
        lock (x.State.Gate)
        {
            var all = x.State.ActivitySubscriptions;
            total = all.Count;

            // The token names the first subscription of its page; if that one was deleted since, the page starts at
            // the next one (ids are numbers of one length, growing in creation order, which is the list's order).
            var start = first is null ? 0 : all.FindIndex(s => string.CompareOrdinal(s.Id, first) >= 0);
            start = start < 0 ? total : start;
            page = all.Skip(start).Take(max).ToList();
            if (start + page.Count < total)
            {
                next = PaginationToken.Encode(all[start + page.Count].Id);
            }
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
            if (next is not null)
            {
                writer.WriteString("next_token", next);
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
            await XApiProblems.InvalidRequestAsync(context, "WebhookIdInvalid", "No webhook has that id.").ConfigureAwait(false);
            return;
        }

        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject("data");
            writer.WritePropertyName("subscription");
            Write(writer, subscription);
            writer.WriteNumber("total_subscriptions", total);
            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private static async Task DeleteAsync(HttpContext context, EmulatorServices x, string id)
    {
        if (!await x.AdmitAppAsync(context, Group, x.Options.SubscriptionRequestsPerWindow).ConfigureAwait(false))
        {
            return;
        }

        bool removed;
        lock (x.State.Gate)
        {
            removed = x.State.ActivitySubscriptions.RemoveAll(s => s.Id == id) > 0;
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
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// <c>DELETE /2/activity/subscriptions?ids=a,b</c>: deletes what exists and answers 200 with
    /// <c>data[{deleted, subscription_id}]</c> for each deleted id, <c>errors[{subscription_id, reason, message}]</c> for
    /// each id it could not delete and <c>meta.total_subscriptions</c>, as the spec shows.
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
            await XApiProblems.InvalidRequestAsync(context, "InvalidRequest", "ids must list 1 to 100 subscription ids, comma-separated.").ConfigureAwait(false);
            return;
        }

        var missing = new List<string>();
        var deleted = new List<string>();
        int total;
        lock (x.State.Gate)
        {
            foreach (var id in ids)
            {
                (x.State.ActivitySubscriptions.RemoveAll(s => s.Id == id) == 0 ? missing : deleted).Add(id);
            }

            total = x.State.ActivitySubscriptions.Count;
        }

        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartArray("data");
            foreach (var id in deleted)
            {
                writer.WriteStartObject();
                writer.WriteBoolean("deleted", true);
                writer.WriteString("subscription_id", id);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
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
        XApiProblems.NotFoundAsync(context, "SubscriptionNotFound", "subscription", "subscription_id", id);

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
