using System.Text.Json;

namespace XWebhooks.Events;

/// <summary>A v2 place object from <c>includes.places</c>.</summary>
public sealed class XPlace
{
    /// <summary>The place ID that <see cref="XPostGeo.PlaceId"/> refers to.</summary>
    public string? Id { get; init; }

    /// <summary>A longer name, for example <c>Manhattan, NY</c>.</summary>
    public string? FullName { get; init; }

    /// <summary>A short name, for example <c>Manhattan</c>.</summary>
    public string? Name { get; init; }

    /// <summary>The country's name.</summary>
    public string? Country { get; init; }

    /// <summary>ISO 3166-1 alpha-2 country code.</summary>
    public string? CountryCode { get; init; }

    /// <summary>Kind of place: <c>city</c>, <c>admin</c>, <c>country</c>, <c>poi</c>, ….</summary>
    public string? PlaceType { get; init; }

    /// <summary>The place's GeoJSON (<c>type</c>, <c>bbox</c>, <c>properties</c>) as raw JSON.</summary>
    public JsonElement? Geo { get; init; }

    /// <summary>IDs of the places that contain this place.</summary>
    public IReadOnlyList<string>? ContainedWithin { get; init; }
}
