using System.Text;
using System.Text.Json;

namespace XWebhooks.Serialization;

/// <summary>
/// Cuts one value out of a JSON document by path, byte for byte: everything else (including bytes a parser
/// would reject later, such as invalid UTF-8 in another string) is copied unchanged, so a lenient re-read fails
/// again only where another value is wrong.
/// </summary>
internal static class JsonValueRemover
{
    /// <summary>
    /// Removes the value at <paramref name="path"/> (an object member with its name, or an array element). When the
    /// path goes deeper than the document (a string where the path expects an object, a missing member), the
    /// deepest value that exists on it is removed instead, so every call makes progress.
    /// </summary>
    /// <param name="json">A valid JSON object or array.</param>
    /// <param name="path">Segments from the root, as <see cref="JsonExceptionPath.Parse"/> gives them.</param>
    /// <param name="result">The document without the value.</param>
    /// <param name="removedDepth">How many segments of <paramref name="path"/> the removed value is at.</param>
    /// <returns>False when nothing below the root matches the path: only the root itself could be removed.</returns>
    public static bool TryRemove(ReadOnlySpan<byte> json, IReadOnlyList<JsonExceptionPath.Segment> path, out byte[] result, out int removedDepth)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        (int Start, int End) target = (-1, -1);
        removedDepth = 0;
        while (removedDepth < path.Count && reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            if (!TryEnter(ref reader, path[removedDepth], out var member))
            {
                break;
            }

            target = member;
            removedDepth++;
        }

        if (removedDepth == 0)
        {
            result = [];
            return false;
        }

        result = Splice(json, target.Start, target.End);
        return true;
    }

    /// <summary>Finds <paramref name="segment"/> in the container the reader is on and leaves the reader on its value.</summary>
    private static bool TryEnter(ref Utf8JsonReader reader, JsonExceptionPath.Segment segment, out (int Start, int End) member)
    {
        member = default;
        var inObject = reader.TokenType == JsonTokenType.StartObject;
        if (inObject == segment.IsIndex)
        {
            return false;
        }

        var name = inObject ? Encoding.UTF8.GetBytes(segment.Name!) : null;
        for (var index = 0; reader.Read() && reader.TokenType is not (JsonTokenType.EndObject or JsonTokenType.EndArray); index++)
        {
            var start = (int)reader.TokenStartIndex;
            var matches = inObject ? NameEquals(ref reader, name!, segment.Name!) : index == segment.Index;
            if (inObject)
            {
                reader.Read();
            }

            if (matches)
            {
                var end = reader;
                end.Skip();
                member = (start, (int)end.BytesConsumed);
                return true;
            }

            reader.Skip();
        }

        return false;
    }

    /// <summary>Compares a property name without transcoding it, so a name with invalid UTF-8 is simply not equal.</summary>
    private static bool NameEquals(ref Utf8JsonReader reader, byte[] utf8, string name)
    {
        if (!reader.ValueIsEscaped)
        {
            return reader.ValueSpan.SequenceEqual(utf8);
        }

        try
        {
            return reader.ValueTextEquals(name);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Cuts <c>[start, end)</c> out together with the comma that separates it from a neighbour.</summary>
    private static byte[] Splice(ReadOnlySpan<byte> json, int start, int end)
    {
        var after = SkipWhitespace(json, end);
        if (after < json.Length && json[after] == (byte)',')
        {
            end = SkipWhitespace(json, after + 1);
        }
        else
        {
            var before = start - 1;
            while (before >= 0 && IsWhitespace(json[before]))
            {
                before--;
            }

            if (before >= 0 && json[before] == (byte)',')
            {
                start = before;
            }
        }

        return [.. json[..start], .. json[end..]];
    }

    private static int SkipWhitespace(ReadOnlySpan<byte> json, int index)
    {
        while (index < json.Length && IsWhitespace(json[index]))
        {
            index++;
        }

        return index;
    }

    private static bool IsWhitespace(byte value) => value is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r';
}
