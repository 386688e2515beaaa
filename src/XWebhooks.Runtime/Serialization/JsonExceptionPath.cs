using System.Globalization;
using System.Text;

namespace XWebhooks.Serialization;

/// <summary>
/// The segments of a <see cref="System.Text.Json.JsonException.Path"/> as System.Text.Json writes it:
/// <c>$</c>, then <c>.name</c>, <c>['name with special characters']</c> or <c>[index]</c> per level.
/// </summary>
internal static class JsonExceptionPath
{
    /// <summary>One level of a path: a property name or an array index.</summary>
    public readonly record struct Segment(string? Name, int Index)
    {
        public bool IsIndex => Name is null;
    }

    /// <summary>Splits <paramref name="path"/>; parsing stops at the first part it does not understand.</summary>
    public static List<Segment> Parse(string? path)
    {
        var segments = new List<Segment>();
        if (string.IsNullOrEmpty(path) || path[0] != '$')
        {
            return segments;
        }

        var i = 1;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                end = end < 0 ? path.Length : end;
                segments.Add(new Segment(path[(i + 1)..end], -1));
                i = end;
            }
            else if (path.AsSpan(i).StartsWith("['", StringComparison.Ordinal))
            {
                var end = path.IndexOf("']", i + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    break;
                }

                segments.Add(new Segment(path[(i + 2)..end], -1));
                i = end + 2;
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i + 1);
                if (end < 0 || !int.TryParse(path.AsSpan(i + 1, end - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    break;
                }

                segments.Add(new Segment(null, index));
                i = end + 1;
            }
            else
            {
                break;
            }
        }

        return segments;
    }

    /// <summary>
    /// The path written back from <paramref name="segments"/> with every array index as <c>[*]</c>, so one drifted
    /// field of a list counts as one path whichever element it was in.
    /// </summary>
    public static string Normalize(IEnumerable<Segment> segments)
    {
        var builder = new StringBuilder("$");
        foreach (var segment in segments)
        {
            if (segment.IsIndex)
            {
                builder.Append("[*]");
            }
            else if (segment.Name!.AsSpan().IndexOfAny(".'[] ") >= 0)
            {
                builder.Append("['").Append(segment.Name).Append("']");
            }
            else
            {
                builder.Append('.').Append(segment.Name);
            }
        }

        return builder.ToString();
    }
}
