using XWebhooks.OptionsValidation;
using XWebhooks.Security;

namespace XWebhooks.Hosting;

/// <summary>
/// Settings of the XWebhooks receive path, bound from the configuration section <c>XWebhooks</c>
/// (for example the environment variable <c>XWebhooks__ConsumerSecret</c>). Validated at startup.
/// </summary>
public sealed class XWebhooksOptions : IOptionsSection
{
    /// <summary>The configuration section name: <c>XWebhooks</c>.</summary>
    public const string SectionName = "XWebhooks";

    /// <summary>The longest response budget X tolerates: it gives up on a delivery after 10 seconds.</summary>
    public static readonly TimeSpan MaxResponseBudget = TimeSpan.FromSeconds(10);

    string IOptionsSection.SectionPath => SectionName;

    /// <summary>
    /// The X app's consumer secret (API Key Secret), used to answer CRCs and verify POST signatures.
    /// Required: the app refuses to start without it. Keep it out of source code and logs.
    /// </summary>
    public string? ConsumerSecret { get; set; }

    /// <summary>
    /// A second consumer secret also accepted on POSTs, for rotating the secret without losing deliveries.
    /// CRCs are never answered with it.
    /// </summary>
    public string? SecondaryConsumerSecret { get; set; }

    /// <summary>
    /// The X app's OAuth 2.0 client secret. When set, a POST carrying <c>x-twitter-webhooks-signature-oauth2</c>
    /// is verified with it (and refused when that header is wrong, whatever the classic header says). X's official
    /// pages name only the classic header; receivers following X's newer quickstart report the OAuth2 one.
    /// Optional; <see cref="ConsumerSecret"/> stays required. Keep it out of source code and logs.
    /// </summary>
    public string? OAuth2ClientSecret { get; set; }

    /// <summary>
    /// A second OAuth 2.0 client secret also accepted on POSTs while rotating it. Needs <see cref="OAuth2ClientSecret"/>.
    /// </summary>
    public string? SecondaryOAuth2ClientSecret { get; set; }

    /// <summary>
    /// Which secret signs CRC answers: <see cref="XCrcSecret.ConsumerSecret"/> (the default, what X's official
    /// pages say) or <see cref="XCrcSecret.OAuth2ClientSecret"/> (needs <see cref="OAuth2ClientSecret"/>).
    /// </summary>
    public XCrcSecret CrcSecret { get; set; } = XCrcSecret.ConsumerSecret;

    /// <summary>Largest accepted body in bytes; larger deliveries get 413 before anything is read past the limit. Default 1 MiB.</summary>
    public long MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// How long handlers may run before the delivery is answered with 503 so X redelivers it. Default 3 seconds
    /// (X's legacy timeout; its current documented limit is 10 seconds, the maximum allowed here).
    /// </summary>
    public TimeSpan ResponseBudget { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// How long processed events are remembered for dedupe, when a dedupe store is configured (an inbox store is
    /// one). Default 48 hours: longer than X's 24-hour replay window and its retry period.
    /// </summary>
    public TimeSpan DedupeRetention { get; set; } = TimeSpan.FromHours(48);
}
