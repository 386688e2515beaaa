using XWebhooks.OptionsValidation;

namespace XWebhooks.Management;

/// <summary>Settings of <see cref="XWebhooksClient"/>, bound from a section such as <c>XWebhooks:Client</c> or set in code.</summary>
public sealed class XWebhooksClientOptions : IOptionsSection
{
    /// <summary>X's API host: <c>https://api.x.com/</c>.</summary>
    public static readonly Uri DefaultBaseAddress = new("https://api.x.com/");

    string IOptionsSection.SectionPath => "XWebhooks:Client";

    /// <summary>
    /// The app-only (OAuth 2.0) bearer token of the X app that owns the webhook. Required. Sent only in the
    /// <c>Authorization</c> header, never logged and never part of an exception message.
    /// </summary>
    public string? BearerToken { get; set; }

    /// <summary>The API host; <see cref="DefaultBaseAddress"/> unless you point the client at an emulator.</summary>
    public Uri BaseAddress { get; set; } = DefaultBaseAddress;

    /// <summary>
    /// How long a call may wait out a 429 answer: when the rate-limit window resets within this time the call
    /// waits until the reset and retries once; otherwise it throws <see cref="XRateLimitExceededException"/>.
    /// Default <see cref="TimeSpan.Zero"/>: never wait, throw at once.
    /// </summary>
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.Zero;
}
