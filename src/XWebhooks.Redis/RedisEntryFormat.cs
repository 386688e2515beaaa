using StackExchange.Redis;
using XWebhooks.Inbox;

namespace XWebhooks.Redis;

/// <summary>
/// How one delivery is laid out in a stream entry (the field names the scripts in <see cref="RedisScripts"/> use
/// too) and how a leased entry comes back from the lease script.
/// </summary>
internal static class RedisEntryFormat
{
    public const string Body = "body";
    public const string ReceivedAt = "received_at";
    public const string TraceParent = "trace_parent";
    public const string EventIndex = "event_index";

    /// <summary>The fields of an appended delivery; optional ones only when present. Copies the pooled buffers.</summary>
    public static NameValueEntry[] ForAppend(in XInboxAppend delivery)
    {
        var hasTrace = delivery.TraceParent is not null;
        var hasIndex = !delivery.EventIndex.IsEmpty;
        var fields = new NameValueEntry[2 + (hasTrace ? 1 : 0) + (hasIndex ? 1 : 0)];
        fields[0] = new(Body, delivery.Body.ToArray());
        fields[1] = new(ReceivedAt, delivery.ReceivedAt.ToUnixTimeMilliseconds());
        var next = 2;
        if (hasTrace)
        {
            fields[next++] = new(TraceParent, delivery.TraceParent);
        }

        if (hasIndex)
        {
            fields[next] = new(EventIndex, delivery.EventIndex.ToArray());
        }

        return fields;
    }

    /// <summary>
    /// One entry of the lease script's reply: id, delivery count, body, received ms, stored attempt, trace parent,
    /// event index (empty strings for absent fields). The attempt is the stored attempt (1 unless retried) plus
    /// the redeliveries Redis counted since.
    /// </summary>
    public static XInboxEntry ReadLeased(RedisResult[] reply, string consumerName)
    {
        var deliveryCount = (long)reply[1];
        var storedAttempt = (RedisValue)reply[4];
        var traceParent = (RedisValue)reply[5];
        var eventIndex = (RedisValue)reply[6];
        return new XInboxEntry(
            (string)reply[0]!,
            (byte[]?)reply[2] ?? [],
            DateTimeOffset.FromUnixTimeMilliseconds((long)reply[3]),
            (storedAttempt.IsNullOrEmpty ? 1 : (int)storedAttempt) + (int)deliveryCount - 1,
            new RedisLeaseToken(consumerName, deliveryCount).ToString())
        {
            TraceParent = traceParent.IsNullOrEmpty ? null : (string?)traceParent,
            EventIndex = eventIndex.IsNullOrEmpty ? default : (byte[]?)eventIndex,
        };
    }
}
