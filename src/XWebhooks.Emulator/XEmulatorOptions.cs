using XWebhooks.Security;

namespace XWebhooks.Emulator;

/// <summary>Settings of an <see cref="XEmulator"/>.</summary>
public sealed class XEmulatorOptions
{
    /// <summary>
    /// The X app's consumer secret: signs <c>x-twitter-webhooks-signature</c> and checks CRC answers (unless
    /// <see cref="SignatureHeaders"/> or <see cref="CrcSecret"/> choose the OAuth 2.0 client secret). Required.
    /// </summary>
    public string ConsumerSecret { get; set; } = "";

    /// <summary>
    /// The X app's OAuth 2.0 client secret: signs <c>x-twitter-webhooks-signature-oauth2</c> when
    /// <see cref="SignatureHeaders"/> asks for it, and checks CRC answers when <see cref="CrcSecret"/> says so. Optional.
    /// </summary>
    public string? OAuth2ClientSecret { get; set; }

    /// <summary>Which signature headers each delivery carries. Default <see cref="XEmulatorSignatureHeaders.Classic"/>.</summary>
    public XEmulatorSignatureHeaders SignatureHeaders { get; set; } = XEmulatorSignatureHeaders.Classic;

    /// <summary>Which secret a correct CRC answer is signed with. Default the consumer secret, as X's official pages say.</summary>
    public XCrcSecret CrcSecret { get; set; } = XCrcSecret.ConsumerSecret;

    /// <summary>The app-only bearer token every <c>/2/…</c> call must present. Required.</summary>
    public string BearerToken { get; set; } = "";

    /// <summary>User-context bearer tokens and the user id each stands for (Account Activity subscribe and check).</summary>
    public IDictionary<string, string> UserTokens { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Where the emulator listens. Default <c>http://127.0.0.1:5090</c>; port 0 picks a free port.</summary>
    public string Url { get; set; } = "http://127.0.0.1:5090";

    /// <summary>
    /// Waits before each retry of a failed delivery. Default 3 s, 27 s, 242 s: the schedule X documented for
    /// Account Activity webhooks (X publishes none for v2). A delivery fails for good after the last.
    /// </summary>
    public IList<TimeSpan> RetryDelays { get; set; } = [TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(27), TimeSpan.FromSeconds(242)];

    /// <summary>How long a delivery POST may take. Default 10 s, X's documented budget.</summary>
    public TimeSpan DeliveryTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a CRC answer may take. Default 10 s.</summary>
    public TimeSpan CrcTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How often to run X's periodic CRC on every webhook (a failure makes the webhook invalid). Default null: never,
    /// only on registration, <c>PUT</c>, <see cref="XEmulator.CheckWebhooksAsync"/> and <c>POST /emulator/crc</c>.
    /// X re-checks roughly hourly.
    /// </summary>
    public TimeSpan? CrcInterval { get; set; }

    /// <summary>How many webhooks the app may register. Default 5 (Enterprise); self-serve tiers have 1.</summary>
    public int MaxWebhooks { get; set; } = 5;

    /// <summary>How many X Activity API subscriptions the app may hold; one more is refused with <c>SubscriptionLimitExceeded</c>. Default 1,500 (self-serve).</summary>
    public int MaxActivitySubscriptions { get; set; } = 1500;

    /// <summary>How many Account Activity subscriptions (users, over all webhooks) the app may hold; one more is refused with <c>SubscriptionLimitExceeded</c>. Default 1,000.</summary>
    public int MaxAccountActivitySubscriptions { get; set; } = 1000;

    /// <summary>Requests per <see cref="RateLimitWindow"/> to the <c>/2/webhooks</c> endpoints. Default 450, as X.</summary>
    public int WebhookRequestsPerWindow { get; set; } = 450;

    /// <summary>Requests per <see cref="RateLimitWindow"/> to <c>POST /2/webhooks/replay</c>. Default 100, as X.</summary>
    public int ReplayRequestsPerWindow { get; set; } = 100;

    /// <summary>Requests per <see cref="RateLimitWindow"/> to the subscription and stream-link endpoints. Default 500, as X.</summary>
    public int SubscriptionRequestsPerWindow { get; set; } = 500;

    /// <summary>The rate-limit window. Default 15 minutes, as X.</summary>
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(15);

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(ConsumerSecret))
        {
            throw new InvalidOperationException("XEmulatorOptions.ConsumerSecret is required: the emulator signs deliveries and checks CRC answers with it.");
        }

        if (string.IsNullOrWhiteSpace(OAuth2ClientSecret)
            && (SignatureHeaders is not XEmulatorSignatureHeaders.Classic || CrcSecret is not XCrcSecret.ConsumerSecret))
        {
            throw new InvalidOperationException($"XEmulatorOptions.OAuth2ClientSecret is required when SignatureHeaders is {SignatureHeaders} and CrcSecret is {CrcSecret}: the emulator signs the x-twitter-webhooks-signature-oauth2 header or checks CRC answers with it.");
        }

        if (!Enum.IsDefined(SignatureHeaders) || !Enum.IsDefined(CrcSecret))
        {
            throw new InvalidOperationException($"XEmulatorOptions: SignatureHeaders must be Classic, OAuth2 or Both, and CrcSecret ConsumerSecret or OAuth2ClientSecret; they are {(int)SignatureHeaders} and {(int)CrcSecret}.");
        }

        if (string.IsNullOrWhiteSpace(BearerToken))
        {
            throw new InvalidOperationException("XEmulatorOptions.BearerToken is required: /2/ calls must present it as 'Authorization: Bearer <token>'.");
        }

        if (!Uri.TryCreate(Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            throw new InvalidOperationException($"XEmulatorOptions.Url must be an absolute http(s) URL; it is '{Url}'.");
        }

        if (RetryDelays.Any(delay => delay < TimeSpan.Zero) || DeliveryTimeout <= TimeSpan.Zero || CrcTimeout <= TimeSpan.Zero || RateLimitWindow <= TimeSpan.Zero || CrcInterval <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("XEmulatorOptions: retry delays must not be negative, and timeouts, the rate-limit window and the CRC interval must be positive.");
        }
    }
}
