using XWebhooks.OptionsValidation;

namespace XWebhooks.Redis;

/// <summary>Options of <see cref="RedisWebhookInbox"/>.</summary>
public sealed class XWebhooksRedisOptions : IOptionsSection
{
    /// <summary>The configuration section the configuration-bound registration is usually given: <c>XWebhooks:Inbox</c>.</summary>
    public const string SectionName = "XWebhooks:Inbox";

    string IOptionsSection.SectionPath => SectionName;

    /// <summary>
    /// The StackExchange.Redis connection string, e.g. <c>localhost:6379</c>. Required unless an
    /// <c>IConnectionMultiplexer</c> is registered in the container (or given to the constructor).
    /// </summary>
    public string? Configuration { get; set; }

    /// <summary>
    /// Prefix of every key the store uses (inbox stream, dead-letter stream, retry schedule, dedupe keys).
    /// All receiver instances of one application must use the same prefix. For Redis Cluster use a hash tag,
    /// e.g. <c>{xwebhooks}:</c>, so the store's keys share a slot (its scripts touch several keys). Default
    /// <c>xwebhooks:</c>.
    /// </summary>
    public string KeyPrefix { get; set; } = "xwebhooks:";

    /// <summary>
    /// This instance's consumer name in the stream's consumer group; must differ between live instances.
    /// Default: machine name and process id.
    /// </summary>
    public string ConsumerName { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}";
}
