namespace XWebhooks.Events;

/// <summary>A user's <c>profile_geo_enrichment</c>: places X matched to the free-text profile location.</summary>
public sealed class XProfileGeoEnrichment
{
    /// <summary>Candidate places, best first.</summary>
    public IReadOnlyList<XPotentialLocation>? PotentialLocations { get; init; }
}
