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

    /// <summary>Where the account is withheld, when it is.</summary>
    public XWithheld? Withheld { get; init; }

    /// <summary>Whether the account is labelled as a parody, commentary or fan account.</summary>
    public bool? Parody { get; init; }

    /// <summary>The account's X subscription tier, for example <c>Basic</c>, <c>Premium</c>, <c>PremiumPlus</c> or <c>None</c>.</summary>
    public string? SubscriptionType { get; init; }

    /// <summary>How many verified accounts follow the user.</summary>
    public long? VerifiedFollowersCount { get; init; }

    /// <summary>Whether the user accepts Direct Messages from the authenticated user.</summary>
    public bool? ReceivesYourDm { get; init; }

    /// <summary>
    /// The user's relationship to the authenticated user: any of <c>following</c>, <c>followed_by</c>,
    /// <c>follow_request_sent</c>, <c>follow_request_received</c>, <c>blocking</c>, <c>muting</c>.
    /// </summary>
    public IReadOnlyList<string>? ConnectionStatus { get; init; }

    /// <summary>The relation of the user's subscription to the authenticated user.</summary>
    public XUserSubscription? Subscription { get; init; }

    /// <summary>Whether the user subscribes to the authenticated user (the top-level twin of <see cref="XUserSubscription.SubscribesToYou"/>).</summary>
    public bool? SubscribesToYou { get; init; }

    /// <summary>The account's confirmed e-mail address: only for the authenticated user's own account, with the e-mail scope.</summary>
    public string? ConfirmedEmail { get; init; }
}
