using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace XWebhooks.Emulator;

/// <summary>
/// Filtered-stream webhook links (<c>/2/tweets/search/webhooks</c>, the spec's path): link with optional field
/// parameters, list in the current spec's <c>{"data":[…]}</c> shape, unlink.
/// </summary>
internal static class StreamLinkEndpoints
{
    private const string Group = "stream_links";

    public static void Map(IEndpointRouteBuilder routes, EmulatorServices x)
    {
        routes.MapPost("/2/tweets/search/webhooks/{id}", (RequestDelegate)(context => LinkAsync(context, x, (string)context.Request.RouteValues["id"]!)));
        routes.MapGet("/2/tweets/search/webhooks", (RequestDelegate)(context => ListAsync(context, x)));
        routes.MapDelete("/2/tweets/search/webhooks/{id}", (RequestDelegate)(context => UnlinkAsync(context, x, (string)context.Request.RouteValues["id"]!)));
    }

    private static async Task LinkAsync(HttpContext context, EmulatorServices x, string webhookId)
    {
        if (!await x.AdmitAppAsync(context, Group, x.Options.SubscriptionRequestsPerWindow).ConfigureAwait(false))
        {
            return;
        }

        // The fields a link asks for are kept as X lists them: "name=value" per query parameter.
        string[] fields = [.. context.Request.Query.SelectMany(parameter => parameter.Value.Select(value => parameter.Key + "=" + value))];
        bool known;
        lock (x.State.Gate)
        {
            known = x.State.FindWebhook(webhookId) is not null;
            if (known)
            {
                x.State.StreamLinks[webhookId] = (x.Time.GetUtcNow(), fields);
            }
        }

        if (!known)
        {
            await WebhookEndpoints.WebhookIdInvalidAsync(context, webhookId).ConfigureAwait(false);
            return;
        }

        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject("data");
            writer.WriteBoolean("provisioned", true);
            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private static async Task ListAsync(HttpContext context, EmulatorServices x)
    {
        if (!await x.AdmitAppAsync(context, Group, x.Options.SubscriptionRequestsPerWindow).ConfigureAwait(false))
        {
            return;
        }

        List<(string WebhookId, DateTimeOffset CreatedAt, string[] Fields)> links;
        lock (x.State.Gate)
        {
            links = [.. x.State.StreamLinks.Select(link => (link.Key, link.Value.CreatedAt, link.Value.Fields))];
        }

        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartArray("data");
            foreach (var link in links)
            {
                writer.WriteStartObject();
                writer.WriteString("application_id", EmulatorIdentity.ApplicationId);
                writer.WriteString("business_user_id", EmulatorIdentity.BusinessUserId);
                JsonResponses.WriteTimestamp(writer, "created_at", link.CreatedAt);
                writer.WriteStartArray("fields");
                foreach (var field in link.Fields)
                {
                    writer.WriteStringValue(field);
                }

                writer.WriteEndArray();
                writer.WriteString("instance_id", link.WebhookId);
                writer.WriteString("webhook_id", link.WebhookId);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }).ConfigureAwait(false);
    }

    private static async Task UnlinkAsync(HttpContext context, EmulatorServices x, string webhookId)
    {
        if (!await x.AdmitAppAsync(context, Group, x.Options.SubscriptionRequestsPerWindow).ConfigureAwait(false))
        {
            return;
        }

        bool removed;
        lock (x.State.Gate)
        {
            removed = x.State.StreamLinks.Remove(webhookId);
        }

        if (!removed)
        {
            await WebhookEndpoints.WebhookIdInvalidAsync(context, webhookId).ConfigureAwait(false);
            return;
        }

        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject("data");
            writer.WriteBoolean("deleted", true);
            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }
}
