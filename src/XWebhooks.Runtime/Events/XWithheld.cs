namespace XWebhooks.Events;

/// <summary>
/// The <c>withheld</c> object of a Post or user: where the content is withheld and why.
/// </summary>
public sealed class XWithheld
{
    /// <summary>Whether the Post is withheld for a copyright (DMCA) complaint. Posts only.</summary>
    public bool? Copyright { get; init; }

    /// <summary>ISO 3166-1 alpha-2 codes of the countries where the content is withheld.</summary>
    public IReadOnlyList<string>? CountryCodes { get; init; }

    /// <summary>What is withheld: <c>tweet</c> (the schema also says <c>post</c>) or <c>user</c>.</summary>
    public string? Scope { get; init; }
}
