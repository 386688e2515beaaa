using System.Text.Json.Serialization;
using XWebhooks.Serialization;

namespace XWebhooks.Events.AccountActivity;

/// <summary>The <c>revoke</c> of a <see cref="UserEvent"/>: user <see cref="Source"/> revoked app <see cref="Target"/>'s access.</summary>
public sealed class AccountActivityRevoke
{
    /// <summary>When access was revoked, as sent (<c>date_time</c>, ISO 8601 such as <c>2018-05-24T09:48:12+00:00</c>). See <see cref="RevokedAtTime"/>.</summary>
    [JsonPropertyName("date_time")]
    public string? DateTime { get; set; }

    /// <summary><see cref="DateTime"/> parsed (invariant culture), or null when absent or unparseable.</summary>
    [JsonIgnore]
    public DateTimeOffset? RevokedAtTime => AccountActivityDates.ParseV1(DateTime);

    /// <summary>The app whose access was revoked (<c>target</c>).</summary>
    public AccountActivityRevokeTarget? Target { get; set; }

    /// <summary>The user who revoked it (<c>source</c>).</summary>
    public AccountActivityRevokeSource? Source { get; set; }
}
