using System.Globalization;
using System.Text;
using System.Text.Json;

namespace XWebhooks.Tests.Drift;

/// <summary>
/// Turns X's documented payloads into hostile bodies, reproducibly from a seed: one value of the payload replaced
/// (another JSON type, a huge number, deep nesting, invalid UTF-8 or a bad escape inside a string, a duplicated key),
/// then sometimes the bytes damaged as well (bit flips, truncation, a byte order mark, random bytes).
/// </summary>
internal sealed class BodyMutator
{
    private static readonly string[] Shapes = ["{}", "[]", "\"drift\"", "0", "-1", "true", "false", "null", "[1,\"a\",{}]", "{\"x\":{\"y\":[null]}}", "\"\"", "[[]]"];
    private static readonly string[] Numbers =
        ["1e999999", "-1e400", "123456789012345678901234567890", new string('9', 400), "0.1e-99999", "-0", "1.7976931348623157e309", "4294967296", "9223372036854775808"];

    private static readonly byte[][] InvalidUtf8 =
        [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0xF8, 0x88, 0x80, 0x80, 0x80]];

    private static readonly string[] BadEscapes = ["\\ud800", "\\udc00x", "\\u0000", "\\ud83d\\u0041"];

    private readonly Random random;
    private readonly List<Seed> seeds;

    public BodyMutator(int seed, IEnumerable<byte[]> documents)
    {
        random = new Random(seed);
        seeds = [.. documents.Select(Seed.Of)];
    }

    /// <summary>The next hostile body and the names of the mutations applied to it.</summary>
    public (byte[] Body, string Mutations) Next()
    {
        var seed = seeds[random.Next(seeds.Count)];
        var (body, kind) = MutateValue(seed);
        if (random.Next(3) == 0)
        {
            (body, var damage) = Damage(body);
            kind += "+" + damage;
        }

        return (body, kind);
    }

    private (byte[] Body, string Kind) MutateValue(Seed seed)
    {
        switch (random.Next(6))
        {
            case 0:
                return (Replace(seed, seed.Values, Shapes[random.Next(Shapes.Length)]), "type-swap");
            case 1:
                return (Replace(seed, seed.Values, Numbers[random.Next(Numbers.Length)]), "huge-number");
            case 2:
                var depth = random.Next(8, 140);
                var nested = random.Next(2) == 0
                    ? new string('[', depth) + new string(']', depth)
                    : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);
                return (Replace(seed, seed.Values, nested), "deep-nesting");
            case 3:
                return (InsertIntoString(seed, InvalidUtf8[random.Next(InvalidUtf8.Length)]), "invalid-utf8");
            case 4:
                return (InsertIntoString(seed, Encoding.ASCII.GetBytes(BadEscapes[random.Next(BadEscapes.Length)])), "bad-escape");
            default:
                return (DuplicateMember(seed), "duplicate-key");
        }
    }

    private (byte[] Body, string Kind) Damage(byte[] body)
    {
        switch (random.Next(4))
        {
            case 0:
                var flipped = (byte[])body.Clone();
                for (var i = random.Next(1, 5); i > 0; i--)
                {
                    flipped[random.Next(flipped.Length)] ^= (byte)(1 << random.Next(8));
                }

                return (flipped, "bit-flip");
            case 1:
                return (body[..random.Next(body.Length)], "truncation");
            case 2:
                return ([0xEF, 0xBB, 0xBF, .. body], "bom");
            default:
                var at = random.Next(body.Length);
                var noise = new byte[random.Next(1, 4)];
                random.NextBytes(noise);
                return ([.. body[..at], .. noise, .. body[at..]], "random-bytes");
        }
    }

    private byte[] Replace(Seed seed, List<(int Start, int End)> ranges, string replacement)
    {
        var (start, end) = ranges[random.Next(ranges.Count)];
        return [.. seed.Bytes[..start], .. Encoding.UTF8.GetBytes(replacement), .. seed.Bytes[end..]];
    }

    private byte[] InsertIntoString(Seed seed, byte[] bytes)
    {
        var (start, end) = seed.Strings[random.Next(seed.Strings.Count)];
        var at = random.Next(start, end + 1);
        return [.. seed.Bytes[..at], .. bytes, .. seed.Bytes[at..]];
    }

    private byte[] DuplicateMember(Seed seed)
    {
        var (start, end) = seed.Members[random.Next(seed.Members.Count)];
        var member = seed.Bytes[start..end];
        var other = Encoding.UTF8.GetBytes(Shapes[random.Next(Shapes.Length)]);
        var name = member[..(Array.IndexOf(member, (byte)':') + 1)];
        return [.. seed.Bytes[..start], .. name, .. other, (byte)',', .. seed.Bytes[start..]];
    }

    /// <summary>A valid document with the byte ranges of its values, string contents and object members.</summary>
    private sealed record Seed(byte[] Bytes, List<(int Start, int End)> Values, List<(int Start, int End)> Strings, List<(int Start, int End)> Members)
    {
        public static Seed Of(byte[] bytes)
        {
            var values = new List<(int, int)>();
            var strings = new List<(int, int)>();
            var members = new List<(int, int)>();
            var reader = new Utf8JsonReader(bytes);
            var memberStart = -1;
            while (reader.Read())
            {
                var start = (int)reader.TokenStartIndex;
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        memberStart = start;
                        strings.Add((start + 1, start + 1 + reader.ValueSpan.Length));
                        continue;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        continue;
                }

                if (reader.CurrentDepth > 0)
                {
                    var end = reader;
                    end.Skip();
                    values.Add((start, (int)end.BytesConsumed));
                    if (memberStart >= 0)
                    {
                        members.Add((memberStart, (int)end.BytesConsumed));
                    }
                }

                if (reader.TokenType == JsonTokenType.String)
                {
                    strings.Add((start + 1, start + 1 + reader.ValueSpan.Length));
                }

                memberStart = -1;
            }

            return new Seed(bytes, values, strings, members);
        }
    }

    public static string Describe(IReadOnlyDictionary<string, int> counts) =>
        string.Join(", ", counts.OrderByDescending(c => c.Value).Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key}: {c.Value}")));
}
