using System.Text.Json.Nodes;
using XWebhooks.Testing;

namespace XWebhooks.Emulator;

/// <summary>
/// Turns "an event of this kind happened" into deliveries: the documented example with fresh ids, to the webhooks
/// subscribed to it (an XAA subscription of that event type with a webhook, an Account Activity subscription,
/// a filtered-stream link), or, when none is, to every registered webhook, so a trigger right after registering works.
/// An Account Activity event goes once to each subscribed user of a webhook, with that user as <c>for_user_id</c>.
/// </summary>
internal sealed class EventTrigger(EmulatorState state, DeliveryEngine deliveries)
{
    /// <summary>The deliveries started. Throws <see cref="KeyNotFoundException"/> for an unknown kind or webhook, <see cref="InvalidOperationException"/> when no webhook is registered.</summary>
    public List<DeliveryRecord> Trigger(string nameOrKind, string? webhookId)
    {
        var name = XExamplePayloads.Resolve(nameOrKind);
        List<(EmulatedWebhook Webhook, string[] Users)> targets;
        lock (state.Gate)
        {
            List<EmulatedWebhook> webhooks;
            if (webhookId is not null)
            {
                webhooks = [state.FindWebhook(webhookId) ?? throw new KeyNotFoundException($"No webhook has the id '{webhookId}'.")];
            }
            else
            {
                var subscribed = Subscribed(name);
                webhooks = subscribed.Count > 0 ? subscribed : [.. state.Webhooks];
            }

            var isAccountActivity = name.StartsWith("account-activity/", StringComparison.Ordinal);
            targets = [.. webhooks.Select(webhook => (webhook, isAccountActivity ? SubscribedUsers(webhook.Id) : []))];
        }

        if (targets.Count == 0)
        {
            throw new InvalidOperationException("No webhook is registered: POST /2/webhooks first (xwebhooks emulate --register <url> does it).");
        }

        // One event: every webhook it goes to gets the same bytes, as at X (per subscribed user for Account Activity).
        var body = XExamplePayloads.CreateUnique(name);
        var started = new List<DeliveryRecord>();
        foreach (var (webhook, users) in targets)
        {
            if (users.Length == 0)
            {
                started.Add(deliveries.Start(webhook, name, body, isReplay: false));
                continue;
            }

            foreach (var user in users)
            {
                started.Add(deliveries.Start(webhook, name, ForUser(body, user), isReplay: false));
            }
        }

        return started;
    }

    private string[] SubscribedUsers(string webhookId) =>
        state.AccountActivitySubscriptions.TryGetValue(webhookId, out var users) ? [.. users] : [];

    /// <summary>The Account Activity delivery with <c>for_user_id</c> set to the subscribed user it is for.</summary>
    private static byte[] ForUser(byte[] body, string userId)
    {
        var delivery = JsonNode.Parse(body)!.AsObject();
        delivery["for_user_id"] = userId;
        return System.Text.Encoding.UTF8.GetBytes(delivery.ToJsonString());
    }

    private List<EmulatedWebhook> Subscribed(string name)
    {
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        var (product, kind) = (name[..slash], name[(slash + 1)..]);
        IEnumerable<string> ids = product switch
        {
            "activity" => state.ActivitySubscriptions.Where(s => s.EventType == kind && s.WebhookId is not null).Select(s => s.WebhookId!),
            "account-activity" => state.AccountActivitySubscriptions.Where(pair => pair.Value.Count > 0).Select(pair => pair.Key),
            "stream" => state.StreamLinks.Keys,
            _ => [],
        };
        return [.. ids.Distinct(StringComparer.Ordinal).Select(state.FindWebhook).OfType<EmulatedWebhook>()];
    }
}
