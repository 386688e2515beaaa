using System.Globalization;

namespace XWebhooks.Emulator;

/// <summary>Everything the emulated X remembers, in memory, behind one lock (a local tool: simplicity over throughput).</summary>
internal sealed class EmulatorState
{
    private long nextId = 1_900_000_000_000_000_000;

    public object Gate { get; } = new();

    public List<EmulatedWebhook> Webhooks { get; } = [];

    public List<EmulatedActivitySubscription> ActivitySubscriptions { get; } = [];

    /// <summary>Account Activity subscriptions: webhook id → subscribed user ids.</summary>
    public Dictionary<string, SortedSet<string>> AccountActivitySubscriptions { get; } = new(StringComparer.Ordinal);

    /// <summary>Filtered-stream links: webhook id → when linked and the fields asked for.</summary>
    public Dictionary<string, (DateTimeOffset CreatedAt, string[] Fields)> StreamLinks { get; } = new(StringComparer.Ordinal);

    public List<DeliveryRecord> Deliveries { get; } = [];

    /// <summary>Webhook id → the id of its running replay job (one job per webhook at a time, as at X).</summary>
    public Dictionary<string, string> RunningReplays { get; } = new(StringComparer.Ordinal);

    /// <summary>A new numeric id, as X's snowflakes are (callers hold <see cref="Gate"/> or not: it is atomic).</summary>
    public string NewId() => Interlocked.Increment(ref nextId).ToString(CultureInfo.InvariantCulture);

    public EmulatedWebhook? FindWebhook(string id) => Webhooks.Find(webhook => webhook.Id == id);
}

/// <summary>A registered webhook.</summary>
internal sealed class EmulatedWebhook(string id, string url, DateTimeOffset createdAt)
{
    public string Id { get; } = id;

    public string Url { get; } = url;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public bool Valid { get; set; } = true;
}

/// <summary>An X Activity API subscription.</summary>
internal sealed class EmulatedActivitySubscription(string id, string eventType, string? userId, string? keyword, string? direction, DateTimeOffset createdAt)
{
    public string Id { get; } = id;

    public string EventType { get; } = eventType;

    public string? UserId { get; } = userId;

    public string? Keyword { get; } = keyword;

    public string? Direction { get; } = direction;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public DateTimeOffset UpdatedAt { get; set; } = createdAt;

    public string? Tag { get; set; }

    public string? WebhookId { get; set; }
}

/// <summary>The mutable log entry behind an <see cref="XEmulatorDelivery"/> snapshot.</summary>
internal sealed class DeliveryRecord(string id, string webhookId, string url, string eventKind, byte[] body, DateTimeOffset firstAttemptAt, bool isReplay)
{
    public string Id { get; } = id;

    public string WebhookId { get; } = webhookId;

    public string Url { get; } = url;

    public string EventKind { get; } = eventKind;

    public byte[] Body { get; } = body;

    public DateTimeOffset FirstAttemptAt { get; } = firstAttemptAt;

    public bool IsReplay { get; } = isReplay;

    public List<XEmulatorAttempt> Attempts { get; } = [];

    public XEmulatorDeliveryState State { get; set; } = XEmulatorDeliveryState.Pending;

    public XEmulatorDelivery Snapshot() => new(Id, WebhookId, Url, EventKind, Body, FirstAttemptAt, [.. Attempts], State, IsReplay);
}
