using System.CommandLine;
using XWebhooks.Emulator;
using XWebhooks.Security;
using XWebhooks.Testing;

namespace XWebhooks.Cli;

/// <summary>
/// Which signature headers a POST carries (<c>--signature-header</c>) and the secrets they are keyed with: the
/// consumer secret for <c>x-twitter-webhooks-signature</c>, the OAuth 2.0 client secret for
/// <c>x-twitter-webhooks-signature-oauth2</c>. Only the secrets the chosen headers need are required.
/// </summary>
internal sealed class DeliverySigner
{
    private readonly string? consumerSecret;
    private readonly string? oauth2ClientSecret;

    private DeliverySigner(XEmulatorSignatureHeaders headers, string? consumerSecret, string? oauth2ClientSecret)
    {
        Headers = headers;
        this.consumerSecret = consumerSecret;
        this.oauth2ClientSecret = oauth2ClientSecret;
    }

    /// <summary>The headers each POST carries.</summary>
    public XEmulatorSignatureHeaders Headers { get; }

    /// <summary>The header names, for output: <c>x-twitter-webhooks-signature</c> and/or the OAuth2 one.</summary>
    public string Description => Headers switch
    {
        XEmulatorSignatureHeaders.OAuth2 => XWebhookSignature.OAuth2HeaderName,
        XEmulatorSignatureHeaders.Both => XWebhookSignature.HeaderName + " + " + XWebhookSignature.OAuth2HeaderName,
        _ => XWebhookSignature.HeaderName,
    };

    /// <summary>Reads <c>--signature-header</c> and the secrets it needs (from the options or the environment).</summary>
    public static DeliverySigner Resolve(ParseResult parseResult, Option<string?> secret, Option<string?> oauth2Secret, Option<string> signatureHeader, CliContext context)
    {
        var headers = ParseHeaders(parseResult.GetValue(signatureHeader));
        return new(
            headers,
            headers is XEmulatorSignatureHeaders.OAuth2 ? null : CliCommon.ResolveSecret(parseResult.GetValue(secret), context),
            headers is XEmulatorSignatureHeaders.Classic ? null : CliCommon.ResolveOAuth2Secret(parseResult.GetValue(oauth2Secret), context, "--signature-header " + parseResult.GetValue(signatureHeader)));
    }

    /// <summary>The signature headers of <paramref name="body"/>, computed once.</summary>
    public (string Name, string Value)[] Sign(byte[] body) => Headers switch
    {
        XEmulatorSignatureHeaders.OAuth2 => [(XWebhookSignature.OAuth2HeaderName, XWebhookTestKit.Sign(body, oauth2ClientSecret!))],
        XEmulatorSignatureHeaders.Both =>
        [
            (XWebhookSignature.HeaderName, XWebhookTestKit.Sign(body, consumerSecret!)),
            (XWebhookSignature.OAuth2HeaderName, XWebhookTestKit.Sign(body, oauth2ClientSecret!)),
        ],
        _ => [(XWebhookSignature.HeaderName, XWebhookTestKit.Sign(body, consumerSecret!))],
    };

    /// <summary>Adds <paramref name="signatures"/> to <paramref name="request"/>.</summary>
    public static void Apply(HttpRequestMessage request, (string Name, string Value)[] signatures)
    {
        foreach (var (name, value) in signatures)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
    }

    /// <summary><c>classic</c>, <c>oauth2</c> or <c>both</c> (the option accepts nothing else).</summary>
    public static XEmulatorSignatureHeaders ParseHeaders(string? value) => value switch
    {
        "oauth2" => XEmulatorSignatureHeaders.OAuth2,
        "both" => XEmulatorSignatureHeaders.Both,
        _ => XEmulatorSignatureHeaders.Classic,
    };

    /// <summary><c>consumer</c> or <c>oauth2</c> (the option accepts nothing else).</summary>
    public static XCrcSecret ParseCrcSecret(string? value) => value == "oauth2" ? XCrcSecret.OAuth2ClientSecret : XCrcSecret.ConsumerSecret;
}
