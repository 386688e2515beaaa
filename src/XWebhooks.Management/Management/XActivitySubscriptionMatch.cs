namespace XWebhooks.Management;

/// <summary>When an existing subscription already covers a request: same event type, filter and webhook.</summary>
internal static class XActivitySubscriptionMatch
{
    public static bool Matches(XActivitySubscription existing, XActivitySubscriptionRequest wanted) =>
        string.Equals(existing.EventType, wanted.EventType, StringComparison.OrdinalIgnoreCase)
        && Same(existing.Filter.UserId, wanted.Filter.UserId, StringComparison.Ordinal)
        && Same(existing.Filter.Keyword, wanted.Filter.Keyword, StringComparison.OrdinalIgnoreCase)
        && Same(existing.Filter.Direction, wanted.Filter.Direction, StringComparison.OrdinalIgnoreCase)
        && Same(existing.WebhookId, wanted.WebhookId, StringComparison.Ordinal);

    // X may omit empty values: null and "" are the same.
    private static bool Same(string? a, string? b, StringComparison comparison) =>
        string.Equals(string.IsNullOrEmpty(a) ? null : a, string.IsNullOrEmpty(b) ? null : b, comparison);
}
