using System.Globalization;

namespace XWebhooks.Redis;

/// <summary>
/// A lease as the scripts check it: the consumer that holds the entry and Redis's delivery count of that
/// delivery. A reclaimed entry has a new count (and usually a new consumer), so the old token no longer matches.
/// Written <c>consumer|count</c>.
/// </summary>
internal readonly record struct RedisLeaseToken(string Consumer, long DeliveryCount)
{
    public static bool TryParse(string token, out RedisLeaseToken lease)
    {
        var separator = token.LastIndexOf('|');
        if (separator > 0 && long.TryParse(token.AsSpan(separator + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            lease = new RedisLeaseToken(token[..separator], count);
            return true;
        }

        lease = default;
        return false;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Consumer}|{DeliveryCount}");
}
