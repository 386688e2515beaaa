namespace XWebhooks.Events;

/// <summary>A Post's <c>geo</c>: the place the author tagged.</summary>
public sealed class XPostGeo
{
    /// <summary>The tagged place's ID (see <see cref="XIncludes.Places"/>).</summary>
    public string? PlaceId { get; init; }

    /// <summary>The exact location the author shared, when they did (GeoJSON <c>[longitude, latitude]</c>).</summary>
    public XPointGeometry? Coordinates { get; init; }
}
