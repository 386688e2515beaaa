namespace XWebhooks.Events;

/// <summary>A latitude/longitude pair in degrees.</summary>
public sealed class XGeoPoint
{
    /// <summary>Latitude in degrees.</summary>
    public double? Latitude { get; init; }

    /// <summary>Longitude in degrees.</summary>
    public double? Longitude { get; init; }
}
