using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace XWebhooks.Emulator;

/// <summary>
/// Account Activity API subscriptions: subscribe and check with a user token (the user is the token's owner),
/// list, count and delete with the app token. Count values are strings, as at X.
/// </summary>
internal static class AccountActivityEndpoints
{
    private const string Group = "account_activity";

    public static void Map(IEndpointRouteBuilder routes, EmulatorServices x)
    {
        const string all = "/2/account_activity/webhooks/{id}/subscriptions/all";
        routes.MapPost(all, (RequestDelegate)(context => SubscribeAsync(context, x, Id(context))));
        routes.MapGet(all, (RequestDelegate)(context => CheckAsync(context, x, Id(context))));
        routes.MapGet(all + "/list", (RequestDelegate)(context => ListAsync(context, x, Id(context))));
        routes.MapDelete("/2/account_activity/webhooks/{id}/subscriptions/{user_id}/all", (RequestDelegate)(context =>
            DeleteAsync(context, x, Id(context), (string)context.Request.RouteValues["user_id"]!)));
        routes.MapGet("/2/account_activity/subscriptions/count", (RequestDelegate)(context => CountAsync(context, x)));
    }

    private static string Id(HttpContext context) => (string)context.Request.RouteValues["id"]!;

    private static async Task SubscribeAsync(HttpContext context, EmulatorServices x, string webhookId)
    {
        if (await x.AdmitUserAsync(context, Group, x.Options.SubscriptionRequestsPerWindow).ConfigureAwait(false) is not { } userId)
        {
            return;
        }

        string? refusal = null;
        lock (x.State.Gate)
        {
            if (x.State.FindWebhook(webhookId) is null)
            {
                refusal = "WebhookIdInvalid";
            }
            else if (Users(x, webhookId).Contains(userId))
            {
                refusal = "DuplicateSubscriptionFailed";
            }
            else if (x.State.AccountActivitySubscriptions.Values.Sum(users => users.Count) >= x.Options.MaxAccountActivitySubscriptions)
            {
                refusal = "SubscriptionLimitExceeded";
            }
            else
            {
                Users(x, webhookId).Add(userId);
            }
        }

        if (refusal is not null)
        {
            var detail = refusal switch
            {
                "WebhookIdInvalid" => $"No webhook has the id '{webhookId}'.",
                "SubscriptionLimitExceeded" => $"The app has reached its maximum of {x.Options.MaxAccountActivitySubscriptions} Account Activity subscriptions.",
                _ => $"User {userId} is already subscribed.",
            };
            await XApiProblems.InvalidRequestAsync(context, refusal, detail).ConfigureAwait(false);
            return;
        }

        await SubscribedAsync(context, true).ConfigureAwait(false);
    }

    private static async Task CheckAsync(HttpContext context, EmulatorServices x, string webhookId)
    {
        if (await x.AdmitUserAsync(context, Group, x.Options.SubscriptionRequestsPerWindow).ConfigureAwait(false) is not { } userId)
        {
            return;
        }

        bool known, subscribed;
        lock (x.State.Gate)
        {
            known = x.State.FindWebhook(webhookId) is not null;
            subscribed = known && Users(x, webhookId).Contains(userId);
        }

        if (!known)
        {
            await WebhookEndpoints.WebhookIdInvalidAsync(context, webhookId).ConfigureAwait(false);
            return;
        }

        await SubscribedAsync(context, subscribed).ConfigureAwait(false);
    }

    private static async Task ListAsync(HttpContext context, EmulatorServices x, string webhookId)
    {
        if (!await x.AdmitAppAsync(context, Group, x.Options.SubscriptionRequestsPerWindow).ConfigureAwait(false))
        {
            return;
        }

        EmulatedWebhook? webhook;
        List<string> users;
        lock (x.State.Gate)
        {
            webhook = x.State.FindWebhook(webhookId);
            users = webhook is null ? [] : [.. Users(x, webhookId)];
        }

        if (webhook is null)
        {
            await WebhookEndpoints.WebhookIdInvalidAsync(context, webhookId).ConfigureAwait(false);
            return;
        }

        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject("data");
            writer.WriteString("application_id", EmulatorIdentity.ApplicationId);
            writer.WriteString("webhook_id", webhook.Id);
            writer.WriteString("webhook_url", webhook.Url);
            writer.WriteStartArray("subscriptions");
            foreach (var user in users)
            {
                writer.WriteStartObject();
                writer.WriteString("user_id", user);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private static async Task DeleteAsync(HttpContext context, EmulatorServices x, string webhookId, string userId)
    {
        if (!await x.AdmitAppAsync(context, Group, x.Options.SubscriptionRequestsPerWindow).ConfigureAwait(false))
        {
            return;
        }

        bool known, removed;
        lock (x.State.Gate)
        {
            known = x.State.FindWebhook(webhookId) is not null;
            removed = known && Users(x, webhookId).Remove(userId);
        }

        if (!known)
        {
            await WebhookEndpoints.WebhookIdInvalidAsync(context, webhookId).ConfigureAwait(false);
        }
        else if (!removed)
        {
            await XApiProblems.InvalidRequestAsync(context, "SubscriptionNotFound", $"User {userId} is not subscribed.").ConfigureAwait(false);
        }
        else
        {
            await SubscribedAsync(context, false).ConfigureAwait(false);
        }
    }

    private static async Task CountAsync(HttpContext context, EmulatorServices x)
    {
        if (!await x.AdmitAppAsync(context, Group, x.Options.SubscriptionRequestsPerWindow).ConfigureAwait(false))
        {
            return;
        }

        int count;
        lock (x.State.Gate)
        {
            count = x.State.AccountActivitySubscriptions.Values.Sum(users => users.Count);
        }

        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject("data");
            writer.WriteString("account_name", "xwebhooks-emulator");
            writer.WriteString("provisioned_count", "3");
            writer.WriteString("subscriptions_count_all", count.ToString(CultureInfo.InvariantCulture));
            writer.WriteString("subscriptions_count_direct_messages", "0");
            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private static SortedSet<string> Users(EmulatorServices x, string webhookId)
    {
        if (!x.State.AccountActivitySubscriptions.TryGetValue(webhookId, out var users))
        {
            users = new SortedSet<string>(StringComparer.Ordinal);
            x.State.AccountActivitySubscriptions[webhookId] = users;
        }

        return users;
    }

    private static Task SubscribedAsync(HttpContext context, bool subscribed) =>
        JsonResponses.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject("data");
            writer.WriteBoolean("subscribed", subscribed);
            writer.WriteEndObject();
        });
}
