using System.Net;
using System.Text.Json;
using XWebhooks.Management.Wire;

namespace XWebhooks.Management;

// Filtered-stream webhook links: /2/tweets/search/webhooks (reference §6).
public sealed partial class XWebhooksClient
{
    private const string StreamLinksPath = "2/tweets/search/webhooks";

    /// <summary>
    /// Links the webhook to the app's filtered stream (<c>POST /2/tweets/search/webhooks/:id</c>) so X delivers the
    /// posts matching the stream rules to it, with optional <paramref name="fields"/> as on the streaming endpoint.
    /// Returns <c>data.provisioned</c> (true for a bare 2xx).
    /// </summary>
    public async Task<bool> LinkFilteredStreamAsync(string webhookId, XStreamLinkFields? fields = null, CancellationToken ct = default)
    {
        RequireId(webhookId, nameof(webhookId));
        var answer = await SendAsync(HttpMethod.Post, StreamLinksPath + "/" + Escape(webhookId) + (fields?.ToQuery() ?? ""), null, ct).ConfigureAwait(false);
        return Flags(answer.Envelope.Data)?.Provisioned ?? true;
    }

    /// <summary>Lists the filtered-stream webhook links (<c>GET /2/tweets/search/webhooks</c>; accepts <c>data[]</c> and <c>data.links[]</c>).</summary>
    public async Task<IReadOnlyList<XStreamLink>> ListFilteredStreamLinksAsync(CancellationToken ct = default)
    {
        var answer = await SendAsync(HttpMethod.Get, StreamLinksPath, null, ct).ConfigureAwait(false);
        List<XStreamLink> links = [];
        foreach (var item in Items(answer.Envelope.Data))
        {
            if (item.Deserialize(XManagementJsonContext.Default.StreamLinkDto) is not { } dto)
            {
                continue;
            }

            foreach (var link in dto.Links ?? [dto])
            {
                if (link.WebhookId is { } webhookId)
                {
                    var fields = (link.Fields ?? []).Select(static f => f.ValueKind == JsonValueKind.String ? f.GetString()! : f.GetRawText()).ToArray();
                    links.Add(new XStreamLink(webhookId, link.ApplicationId, link.BusinessUserId, link.InstanceId, fields, link.CreatedAt));
                }
            }
        }

        return links;
    }

    /// <summary>Removes the webhook's filtered-stream link (<c>DELETE /2/tweets/search/webhooks/:id</c>).</summary>
    public async Task UnlinkFilteredStreamAsync(string webhookId, CancellationToken ct = default)
    {
        RequireId(webhookId, nameof(webhookId));
        var path = StreamLinksPath + "/" + Escape(webhookId);
        var answer = await SendAsync(HttpMethod.Delete, path, null, ct).ConfigureAwait(false);
        if (Flags(answer.Envelope.Data)?.Deleted == false)
        {
            throw new XApiException($"X API DELETE /{path} answered deleted: false", HttpStatusCode.OK, rateLimit: LastRateLimit);
        }
    }
}
