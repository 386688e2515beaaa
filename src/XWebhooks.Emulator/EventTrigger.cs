using XWebhooks.Testing;

namespace XWebhooks.Emulator;

/// <summary>
/// Turns "an event of this kind happened" into deliveries: the documented example with fresh ids, to the webhooks
/// subscribed to it (an XAA subscription of that event type with a webhook, an Account Activity subscription,
/// a filtered-stream link), or, when none is, to every registered webhook, so a trigger right after registering works.
/// </summary>
internal sealed class EventTrigger(EmulatorState state, DeliveryEngine deliveries)
{
    /// <summary>The deliveries started. Throws <see cref="KeyNotFoundException"/> for an unknown kind or webhook, <see cref="InvalidOperationException"/> when no webhook is registered.</summary>
    public List<DeliveryRecord> Trigger(string nameOrKind, string? webhookId)
    {
        var name = XExamplePayloads.Resolve(nameOrKind);
        List<EmulatedWebhook> targets;
        lock (state.Gate)
        {
            if (webhookId is not null)
            {
                targets = [state.FindWebhook(webhookId) ?? throw new KeyNotFoundException($"No webhook has the id '{webhookId}'.")];
            }
            else
            {
                var subscribed = Subscribed(name);
                targets = subscribed.Count > 0 ? subscribed : [.. state.Webhooks];
            }
        }

        if (targets.Count == 0)
        {
            throw new InvalidOperationException("No webhook is registered: POST /2/webhooks first (xwebhooks emulate --register <url> does it).");
        }

        // One event: every webhook it goes to gets the same bytes, as at X.
        var body = XExamplePayloads.CreateUnique(name);
        return [.. targets.Select(webhook => deliveries.Start(webhook, name, body, isReplay: false))];
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
