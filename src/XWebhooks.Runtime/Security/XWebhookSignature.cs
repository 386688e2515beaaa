using System.Security.Cryptography;

namespace XWebhooks.Security;

/// <summary>
/// X's webhook signature scheme: <c>sha256=</c> + standard base64 of HMAC-SHA256 keyed with the app's
/// consumer secret. X signs every POST body with it (header <c>x-twitter-webhooks-signature</c>) and
/// expects the same form as the CRC <c>response_token</c>. The same scheme keyed with the OAuth 2.0 client
/// secret is reported in a second header, <see cref="OAuth2HeaderName"/>.
/// </summary>
public static class XWebhookSignature
{
    /// <summary>The header X puts the POST body signature in.</summary>
    public const string HeaderName = "x-twitter-webhooks-signature";

    /// <summary>
    /// The second signature header, keyed with the app's OAuth 2.0 client secret. Not on X's official pages;
    /// verified by receivers that follow X's newer quickstart (2026).
    /// </summary>
    public const string OAuth2HeaderName = "x-twitter-webhooks-signature-oauth2";

    /// <summary>The prefix of every signature and CRC response token.</summary>
    public const string Prefix = "sha256=";

    /// <summary>Length in characters of a signature: the prefix plus 44 base64 characters of a 32-byte digest.</summary>
    public const int Length = 7 + 44;

    internal const int DigestLength = HMACSHA256.HashSizeInBytes;

    /// <summary>Computes <c>sha256=&lt;base64 HMAC-SHA256(key, message)&gt;</c>.</summary>
    /// <param name="key">The secret (consumer secret, or OAuth 2.0 client secret) as UTF-8 bytes.</param>
    /// <param name="message">The exact bytes to sign (a POST body or a CRC token).</param>
    public static string Compute(ReadOnlySpan<byte> key, ReadOnlySpan<byte> message)
    {
        Span<char> signature = stackalloc char[Length];
        Format(key, message, signature);
        return new string(signature);
    }

    /// <summary>Writes <c>sha256=&lt;base64 HMAC-SHA256(key, message)&gt;</c> into <paramref name="destination"/> without allocating.</summary>
    /// <param name="key">The secret (consumer secret, or OAuth 2.0 client secret) as UTF-8 bytes.</param>
    /// <param name="message">The exact bytes to sign.</param>
    /// <param name="destination">At least <see cref="Length"/> characters.</param>
    public static void Format(ReadOnlySpan<byte> key, ReadOnlySpan<byte> message, Span<char> destination)
    {
        if (destination.Length < Length)
        {
            throw new ArgumentException($"The destination must hold at least {Length} characters.", nameof(destination));
        }

        Span<byte> digest = stackalloc byte[DigestLength];
        HMACSHA256.HashData(key, message, digest);
        Prefix.CopyTo(destination);
        Convert.TryToBase64Chars(digest, destination[Prefix.Length..], out _);
    }

    /// <summary>
    /// Reads the digest out of a signature header value. Accepts exactly <c>sha256=</c> (any case) followed
    /// by the standard base64 of 32 bytes.
    /// </summary>
    /// <returns>False when the value is not a well-formed signature.</returns>
    public static bool TryParse(ReadOnlySpan<char> signature, Span<byte> digest)
    {
        if (digest.Length < DigestLength || !signature.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var encoded = signature[Prefix.Length..];
        return encoded.Length == Length - Prefix.Length
            && Convert.TryFromBase64Chars(encoded, digest, out var written)
            && written == DigestLength;
    }

    /// <summary>
    /// Checks, in constant time, that <paramref name="signature"/> is the signature of <paramref name="message"/>
    /// under <paramref name="key"/>.
    /// </summary>
    public static bool Verify(ReadOnlySpan<char> signature, ReadOnlySpan<byte> message, ReadOnlySpan<byte> key)
    {
        Span<byte> claimed = stackalloc byte[DigestLength];
        return TryParse(signature, claimed) && Matches(claimed, message, key);
    }

    internal static bool Matches(ReadOnlySpan<byte> claimedDigest, ReadOnlySpan<byte> message, ReadOnlySpan<byte> key)
    {
        Span<byte> expected = stackalloc byte[DigestLength];
        HMACSHA256.HashData(key, message, expected);
        return CryptographicOperations.FixedTimeEquals(expected, claimedDigest);
    }
}
