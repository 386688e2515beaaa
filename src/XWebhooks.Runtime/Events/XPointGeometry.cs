namespace XWebhooks.Events;

/// <summary>A GeoJSON point: a Post's exact location (<c>geo.coordinates</c>).</summary>
public sealed class XPointGeometry
{
    /// <summary>The GeoJSON type, <c>Point</c>.</summary>
    public string? Type { get; init; }

    /// <summary>The position as GeoJSON orders it: <c>[longitude, latitude]</c>.</summary>
    public IReadOnlyList<double>? Coordinates { get; init; }
}
