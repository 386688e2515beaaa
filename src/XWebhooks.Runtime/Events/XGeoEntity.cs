namespace XWebhooks.Events;

/// <summary>A place X matched to a profile location.</summary>
public sealed class XGeoEntity
{
    /// <summary>The place's ID in X's geo database.</summary>
    public string? EntityId { get; init; }

    /// <summary>A full human-readable name (for example <c>San Francisco, California, United States</c>).</summary>
    public string? DisplayName { get; init; }

    /// <summary>ISO 3166-1 alpha-2 country code.</summary>
    public string? CountryCode { get; init; }

    /// <summary>Region or state.</summary>
    public string? Region { get; init; }

    /// <summary>Sub-region or county.</summary>
    public string? SubRegion { get; init; }

    /// <summary>City or town.</summary>
    public string? Locality { get; init; }

    /// <summary>Population (sent as a number with a <c>population_str</c> twin).</summary>
    public long? Population { get; init; }

    /// <summary>The place's coordinates.</summary>
    public XGeoPoint? GeoPoint { get; init; }
}
