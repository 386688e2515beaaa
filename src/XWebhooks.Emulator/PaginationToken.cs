using System.Text;

namespace XWebhooks.Emulator;

/// <summary>
/// Opaque paging tokens, base32hex-encoded as X's spec describes <c>pagination_token</c>: each names the id of the
/// first item of the next page, so a page stays right when earlier items are deleted meanwhile.
/// </summary>
internal static class PaginationToken
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUV";

    public static string Encode(string firstId)
    {
        var bytes = Encoding.UTF8.GetBytes(firstId);
        var text = new StringBuilder((bytes.Length * 8 + 4) / 5);
        int buffer = 0, bits = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                text.Append(Alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }

        if (bits > 0)
        {
            text.Append(Alphabet[(buffer << (5 - bits)) & 31]);
        }

        return text.ToString();
    }

    /// <summary>The id a token names, or null when it is not one of ours.</summary>
    public static string? Decode(string token)
    {
        var bytes = new List<byte>(token.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in token)
        {
            var value = Alphabet.IndexOf(char.ToUpperInvariant(c), StringComparison.Ordinal);
            if (value < 0)
            {
                return null;
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return bytes.Count == 0 ? null : Encoding.UTF8.GetString([.. bytes]);
    }
}
