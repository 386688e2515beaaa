using System.Text;

namespace XWebhooks.Security;

/// <summary>
/// X's challenge-response check (CRC): X sends <c>GET url?crc_token=T</c> and expects
/// <c>{"response_token":"sha256=" + base64(HMAC-SHA256(consumer secret, T))}</c>.
/// </summary>
/// <remarks>
/// The answer uses the same key and format as POST signatures, so a CRC endpoint that signs any string
/// is a signing oracle: an attacker could send a forged JSON body as <c>crc_token</c> and replay the answer
/// as a signature. Only sign tokens that pass <see cref="IsValidToken"/>.
/// </remarks>
public static class XCrc
{
    /// <summary>The query parameter X puts the challenge in.</summary>
    public const string TokenParameterName = "crc_token";

    /// <summary>The longest token accepted. X's tokens are UUID- or base64-like and far shorter.</summary>
    public const int MaxTokenLength = 256;

    /// <summary>
    /// True when <paramref name="token"/> is token-shaped: 1 to <see cref="MaxTokenLength"/> characters of
    /// <c>A-Z a-z 0-9 + / = _ -</c>. Anything else (a JSON body, for instance) must not be signed.
    /// </summary>
    public static bool IsValidToken(ReadOnlySpan<char> token)
    {
        if (token.IsEmpty || token.Length > MaxTokenLength)
        {
            return false;
        }

        foreach (var c in token)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=' or '_' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Computes the <c>response_token</c> value (<c>sha256=…</c>) for a token-shaped CRC token.</summary>
    /// <param name="key">The consumer secret as UTF-8 bytes.</param>
    /// <param name="token">The <c>crc_token</c> query value.</param>
    /// <exception cref="ArgumentException">The token is not token-shaped (see <see cref="IsValidToken"/>).</exception>
    public static string ComputeResponseToken(ReadOnlySpan<byte> key, ReadOnlySpan<char> token)
    {
        if (!IsValidToken(token))
        {
            throw new ArgumentException("A CRC token must be 1-256 characters of A-Z a-z 0-9 + / = _ -; refusing to sign anything else.", nameof(token));
        }

        // Token-shaped means ASCII, so one byte per character.
        Span<byte> message = stackalloc byte[token.Length];
        Encoding.ASCII.GetBytes(token, message);
        return XWebhookSignature.Compute(key, message);
    }

    /// <summary>The CRC response body: <c>{"response_token":"sha256=…"}</c> as UTF-8.</summary>
    /// <param name="key">The consumer secret as UTF-8 bytes.</param>
    /// <param name="token">A token-shaped <c>crc_token</c>.</param>
    public static byte[] CreateResponseBody(ReadOnlySpan<byte> key, ReadOnlySpan<char> token) =>
        // Base64 and the prefix need no JSON escaping.
        Encoding.ASCII.GetBytes($$"""{"response_token":"{{ComputeResponseToken(key, token)}}"}""");
}
