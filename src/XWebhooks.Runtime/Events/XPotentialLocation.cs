namespace XWebhooks.Events;

/// <summary>One candidate of <see cref="XProfileGeoEnrichment.PotentialLocations"/>.</summary>
public sealed class XPotentialLocation
{
    /// <summary>The matched place.</summary>
    public XGeoEntity? GeoEntity { get; init; }
}
