namespace XWebhooks.Events;

/// <summary>
/// An X API v2 user. X sends it bare in some places (<c>includes.users</c> of <c>post.create</c>, filtered stream)
/// and wrapped as <c>{"data":{…}}</c> in others (follow, spaces, broadcast, DM <c>users</c> maps, <c>post.delete</c>
/// includes); XWebhooks reads both into this type. Which fields are present depends on the requested fields.
/// </summary>
public sealed class XUser
{
    /// <summary>The user ID (a 64-bit number sent as a string).</summary>
    public string? Id { get; init; }

    /// <summary>The display name (X's <c>profile.update.screenname</c> event is about this value).</summary>
    public string? Name { get; init; }

    /// <summary>The @handle, without <c>@</c>.</summary>
    public string? Username { get; init; }

    /// <summary>When the account was created (UTC).</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>The profile bio.</summary>
    public string? Description { get; init; }

    /// <summary>The free-text profile location.</summary>
    public string? Location { get; init; }

    /// <summary>The profile website as a t.co URL (empty string when none).</summary>
    public string? Url { get; init; }

    /// <summary>Whether the account's Posts are protected.</summary>
    public bool? Protected { get; init; }

    /// <summary>Whether the account has a verified checkmark.</summary>
    public bool? Verified { get; init; }

    /// <summary>The kind of checkmark: <c>blue</c>, <c>business</c>, <c>government</c> or <c>none</c>.</summary>
    public string? VerifiedType { get; init; }

    /// <summary>Whether the account holder verified their identity.</summary>
    public bool? IsIdentityVerified { get; init; }

    /// <summary>The profile picture URL.</summary>
    public string? ProfileImageUrl { get; init; }

    /// <summary>The profile banner URL (empty string when none).</summary>
    public string? ProfileBannerUrl { get; init; }

    /// <summary>The ID of the pinned Post.</summary>
    public string? PinnedTweetId { get; init; }

    /// <summary>The ID of the user's most recent Post.</summary>
    public string? MostRecentTweetId { get; init; }

    /// <summary>Entities in the profile URL and bio.</summary>
    public XUserEntities? Entities { get; init; }

    /// <summary>Follower, following, Post, list, like and media counts.</summary>
    public XUserPublicMetrics? PublicMetrics { get; init; }

    /// <summary>The organisation the account is affiliated with (affiliate badge).</summary>
    public XUserAffiliation? Affiliation { get; init; }

    /// <summary>Places X inferred from the profile location.</summary>
    public XProfileGeoEnrichment? ProfileGeoEnrichment { get; init; }
}
