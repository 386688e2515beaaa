using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace XWebhooks.Generators.Model;

/// <summary>
/// Where a diagnostic points, as plain values. A <see cref="Location"/> keeps its syntax tree (and so
/// the compilation) alive and is not equatable across runs, so models keep this and rebuild the
/// location when reporting.
/// </summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public static LocationInfo? From(Location? location)
    {
        if (location is null || location.SourceTree is null)
        {
            return null;
        }

        return new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);
    }

    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);
}
