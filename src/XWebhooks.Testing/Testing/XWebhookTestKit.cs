using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using XWebhooks.Security;

namespace XWebhooks.Testing;

/// <summary>
/// Builds requests exactly as X sends them, for tests of an XWebhooks receiver (or any X webhook receiver):
/// signed POST deliveries and CRC challenges, and checks CRC answers.
/// </summary>
public static class XWebhookTestKit
{
    /// <summary>
    /// Signs <paramref name="body"/> as X does: <c>sha256=</c> + base64(HMAC-SHA256(secret, body)). The secret is the
    /// consumer secret for <c>x-twitter-webhooks-signature</c>, the OAuth 2.0 client secret for the OAuth2 header.
    /// </summary>
    public static string Sign(ReadOnlySpan<byte> body, string consumerSecret)
    {
        ArgumentException.ThrowIfNullOrEmpty(consumerSecret);
        return XWebhookSignature.Compute(Encoding.UTF8.GetBytes(consumerSecret), body);
    }

    /// <summary>Creates a POST of <paramref name="body"/> with a valid <c>x-twitter-webhooks-signature</c> header.</summary>
    public static HttpRequestMessage CreateSignedPost(Uri webhookUrl, byte[] body, string consumerSecret)
    {
        ArgumentNullException.ThrowIfNull(body);
        var request = CreateUnsignedPost(webhookUrl, body);
        request.Headers.TryAddWithoutValidation(XWebhookSignature.HeaderName, Sign(body, consumerSecret));
        return request;
    }

    /// <summary>
    /// Creates a POST of <paramref name="body"/> with a valid <c>x-twitter-webhooks-signature-oauth2</c> header only:
    /// <c>sha256=</c> + base64(HMAC-SHA256(OAuth 2.0 client secret, body)).
    /// </summary>
    public static HttpRequestMessage CreateOAuth2SignedPost(Uri webhookUrl, byte[] body, string oauth2ClientSecret)
    {
        ArgumentNullException.ThrowIfNull(body);
        var request = CreateUnsignedPost(webhookUrl, body);
        request.Headers.TryAddWithoutValidation(XWebhookSignature.OAuth2HeaderName, Sign(body, oauth2ClientSecret));
        return request;
    }

    /// <summary>
    /// Creates a POST of <paramref name="body"/> with both valid signature headers: <c>x-twitter-webhooks-signature</c>
    /// keyed with the consumer secret and <c>x-twitter-webhooks-signature-oauth2</c> keyed with the OAuth 2.0 client secret.
    /// </summary>
    public static HttpRequestMessage CreateSignedPost(Uri webhookUrl, byte[] body, string consumerSecret, string oauth2ClientSecret)
    {
        var request = CreateSignedPost(webhookUrl, body, consumerSecret);
        request.Headers.TryAddWithoutValidation(XWebhookSignature.OAuth2HeaderName, Sign(body, oauth2ClientSecret));
        return request;
    }

    /// <summary>Creates a POST of <paramref name="body"/> as X would, but without a signature header (to test refusals).</summary>
    public static HttpRequestMessage CreateUnsignedPost(Uri webhookUrl, byte[] body)
    {
        ArgumentNullException.ThrowIfNull(webhookUrl);
        ArgumentNullException.ThrowIfNull(body);
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return new HttpRequestMessage(HttpMethod.Post, webhookUrl) { Content = content };
    }

    /// <summary>A fresh random CRC token shaped like X's (base64 of random bytes).</summary>
    public static string CreateCrcToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(33));

    /// <summary>Creates <c>GET webhookUrl?crc_token=…</c>, keeping any query the URL already has.</summary>
    public static HttpRequestMessage CreateCrcRequest(Uri webhookUrl, string crcToken)
    {
        ArgumentNullException.ThrowIfNull(webhookUrl);
        ArgumentNullException.ThrowIfNull(crcToken);
        var separator = string.IsNullOrEmpty(webhookUrl.Query) ? "?" : "&";
        var url = new Uri(webhookUrl.GetLeftPart(UriPartial.Path) + webhookUrl.Query + separator + XCrc.TokenParameterName + "=" + Uri.EscapeDataString(crcToken));
        return new HttpRequestMessage(HttpMethod.Get, url);
    }

    /// <summary>
    /// The <c>response_token</c> a correct receiver answers to <paramref name="crcToken"/>, signed with the secret it
    /// answers CRCs with (the consumer secret, as X's official pages say, unless configured otherwise).
    /// </summary>
    public static string ExpectedCrcResponseToken(string crcToken, string consumerSecret)
    {
        ArgumentException.ThrowIfNullOrEmpty(consumerSecret);
        return XWebhookSignature.Compute(Encoding.UTF8.GetBytes(consumerSecret), Encoding.UTF8.GetBytes(crcToken));
    }

    /// <summary>
    /// Checks a receiver's CRC answer as X does: status 200, a JSON content type, and a body whose
    /// <c>response_token</c> is right. Returns null when all is well, else the reason.
    /// </summary>
    public static async Task<string?> CheckCrcResponseAsync(HttpResponseMessage response, string crcToken, string consumerSecret, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.StatusCode != System.Net.HttpStatusCode.OK)
        {
            return $"status {(int)response.StatusCode}, expected 200";
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/json")
        {
            return $"content type '{response.Content.Headers.ContentType}', expected application/json";
        }

        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        string? token;
        try
        {
            using var document = JsonDocument.Parse(body);
            token = document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("response_token", out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
        }
        catch (JsonException ex)
        {
            return "body is not JSON: " + ex.Message;
        }

        if (token is null)
        {
            return "body has no string response_token";
        }

        return token == ExpectedCrcResponseToken(crcToken, consumerSecret) ? null : "response_token is wrong (signed with another secret than the one checked: the app's API Key Secret, unless CRCs are set to use the OAuth 2.0 client secret)";
    }
}
