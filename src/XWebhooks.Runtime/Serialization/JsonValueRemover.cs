using System.Text;
using System.Text.Json;

namespace XWebhooks.Serialization;

/// <summary>
/// Cuts one value out of a JSON document by the path of a <see cref="JsonException"/>, byte for byte: everything
/// else (including bytes a parser would reject later, such as invalid UTF-8 in another string) is copied unchanged,
/// so a lenient re-read fails again only where another value is wrong.
/// </summary>
/// <remarks>
/// A custom converter that deserializes a nested value (a user inside <c>includes</c>, for example) starts a new
/// path at <c>$</c>, so a path may be relative to some object inside the document rather than to its root. The
/// value is then looked for below every object and array; when the path fits several, the one whose position
/// matches the exception's line and byte position (also relative to that object) is chosen. A path that names an
/// object whose member name could not be read (a bad escape) leads, by the same position, to that member.
/// </remarks>
internal static class JsonValueRemover
{
    /// <summary>Removes the value <paramref name="failure"/> points at.</summary>
    /// <param name="json">A valid JSON object or array.</param>
    /// <param name="failure">The serializer's exception, for its path and position.</param>
    /// <param name="result">The document without the value.</param>
    /// <param name="removedPath">The path of the removed value from the root of <paramref name="json"/>.</param>
    /// <returns>False when no value below the root fits the path.</returns>
    public static bool TryRemove(ReadOnlySpan<byte> json, JsonException failure, out byte[] result, out List<JsonExceptionPath.Segment> removedPath)
    {
        var path = JsonExceptionPath.Parse(failure.Path);
        result = [];
        removedPath = [];
        if (failure.Path is not ['$', ..])
        {
            return false;
        }

        var candidates = new List<Candidate>();
        FindCandidates(json, path, candidates);
        var target = ChooseByPosition(json, candidates, failure)
            ?? candidates.FirstOrDefault(static candidate => candidate.Removable)
            ?? DeepestOnPath(json, path);
        if (target is null)
        {
            return false;
        }

        result = Splice(json, target.Start, target.End);
        removedPath = target.Path;
        return true;
    }

    /// <summary>
    /// A value the path leads to: its bytes (a member with its name), where its value starts, its path from the root,
    /// and where the read that reported the path started (the root, or the object a converter read on its own).
    /// For the path <c>$</c> every object is a candidate, but only for a member name it holds: never removable whole.
    /// </summary>
    private sealed record Candidate(int BaseStart, int Start, int ValueStart, int End, List<JsonExceptionPath.Segment> Path, bool Removable = true);

    /// <summary>
    /// The value the exception's position is at: just after the first token of a candidate's value (a value of the
    /// wrong type), or just after the name of one of its members (a name that cannot be read, such as a bad escape).
    /// </summary>
    private static Candidate? ChooseByPosition(ReadOnlySpan<byte> json, List<Candidate> candidates, JsonException failure)
    {
        if (failure.LineNumber is not { } line || failure.BytePositionInLine is not { } position)
        {
            return null;
        }

        foreach (var candidate in candidates)
        {
            var reader = new Utf8JsonReader(json[candidate.ValueStart..]);
            reader.Read();
            if (candidate.Removable && PositionOf(json, candidate.BaseStart, candidate.ValueStart + (int)reader.BytesConsumed) == (line, position))
            {
                return candidate;
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                continue;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var nameStart = candidate.ValueStart + (int)reader.TokenStartIndex;
                var nameEnd = candidate.ValueStart + (int)reader.BytesConsumed;
                var name = PropertyName(ref reader);
                reader.Read();
                reader.Skip();
                if (PositionOf(json, candidate.BaseStart, nameEnd) == (line, position))
                {
                    return new Candidate(candidate.BaseStart, nameStart, nameStart, candidate.ValueStart + (int)reader.BytesConsumed, [.. candidate.Path, new JsonExceptionPath.Segment(name, -1)]);
                }
            }
        }

        return null;
    }

    /// <summary>Every value the whole path leads to, from the root first, then from each object and array inside it in document order.</summary>
    private static void FindCandidates(ReadOnlySpan<byte> json, List<JsonExceptionPath.Segment> path, List<Candidate> candidates)
    {
        var prefix = new List<JsonExceptionPath.Segment>();
        var indexes = new Stack<int>();
        var reader = new Utf8JsonReader(json);
        JsonExceptionPath.Segment? pending = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    pending = new JsonExceptionPath.Segment(PropertyName(ref reader), -1);
                    continue;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    indexes.Pop();
                    if (prefix.Count > 0 && prefix.Count >= indexes.Count)
                    {
                        prefix.RemoveAt(prefix.Count - 1);
                    }

                    continue;
            }

            if (indexes.Count > 0)
            {
                // A value inside a container: its own segment is the pending name, or the next index of the array.
                var segment = pending ?? new JsonExceptionPath.Segment(null, indexes.Peek());
                if (pending is null)
                {
                    indexes.Push(indexes.Pop() + 1);
                }

                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    prefix.Add(segment);
                }
            }

            pending = null;
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                var start = (int)reader.TokenStartIndex;
                if (path.Count == 0)
                {
                    candidates.Add(new Candidate(start, start, start, start, [.. prefix], Removable: false));
                }
                else if (Resolve(json[start..], path, out var member) == path.Count)
                {
                    candidates.Add(new Candidate(start, start + member.Start, start + member.ValueStart, start + member.End, [.. prefix, .. path]));
                }

                indexes.Push(0);
            }
        }
    }

    /// <summary>When the path fits nowhere whole: the deepest value on it from the root (a string where it expects an object, a missing member), so every call makes progress.</summary>
    private static Candidate? DeepestOnPath(ReadOnlySpan<byte> json, List<JsonExceptionPath.Segment> path)
    {
        var depth = Resolve(json, path, out var member);
        return depth == 0 ? null : new Candidate(0, member.Start, member.ValueStart, member.End, path[..depth]);
    }

    /// <summary>Follows <paramref name="path"/> from the container at the start of <paramref name="json"/> as far as it goes.</summary>
    /// <returns>How many segments matched; <paramref name="member"/> is the value the last of them led to.</returns>
    private static int Resolve(ReadOnlySpan<byte> json, List<JsonExceptionPath.Segment> path, out (int Start, int ValueStart, int End) member)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        member = default;
        var depth = 0;
        while (depth < path.Count && reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && TryEnter(ref reader, path[depth], out var found))
        {
            member = found;
            depth++;
        }

        return depth;
    }

    /// <summary>Finds <paramref name="segment"/> in the container the reader is on and leaves the reader on its value.</summary>
    private static bool TryEnter(ref Utf8JsonReader reader, JsonExceptionPath.Segment segment, out (int Start, int ValueStart, int End) member)
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
                member = (start, (int)reader.TokenStartIndex, (int)end.BytesConsumed);
                return true;
            }

            reader.Skip();
        }

        return false;
    }

    /// <summary>The line and byte in line that a read which started at <paramref name="baseStart"/> reports at <paramref name="offset"/>.</summary>
    private static (long Line, long BytePositionInLine) PositionOf(ReadOnlySpan<byte> json, int baseStart, int offset)
    {
        var before = json[baseStart..offset];
        var lastNewLine = before.LastIndexOf((byte)'\n');
        return (before.Count((byte)'\n'), lastNewLine < 0 ? before.Length : before.Length - lastNewLine - 1);
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

    /// <summary>A property name for a path; one that is not valid UTF-8 matches no path and gets a placeholder.</summary>
    private static string PropertyName(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            return "?";
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
