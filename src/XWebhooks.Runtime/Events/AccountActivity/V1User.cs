using System.Text.Json.Serialization;
using XWebhooks.Serialization;

namespace XWebhooks.Events.AccountActivity;

/// <summary>
/// A v1.1-style User as the Account Activity API sends it: a Tweet's <c>user</c>, the <c>source</c>/<c>target</c>
/// of follow, block and mute events, a like's <c>user</c>, and the values of a DM delivery's <c>users</c> map.
/// </summary>
/// <remarks>
/// Tweet users carry a numeric <c>id</c> plus <c>id_str</c> (use <see cref="IdStr"/>; numeric ids can be
/// imprecise in some sources). Users in the DM <c>users</c> map carry <c>id</c> as a string, no <c>id_str</c>,
/// and <c>created_timestamp</c> instead of <c>created_at</c>. Both forms read into this type.
/// </remarks>
public sealed class V1User
{
    /// <summary>The user id (<c>id</c>; a number, or a numeric string in DM side maps). Prefer <see cref="IdStr"/> when present.</summary>
    public long Id { get; set; }

    /// <summary>The user id as a string (<c>id_str</c>); absent in DM side maps, where the map key is the id.</summary>
    public string? IdStr { get; set; }

    /// <summary>The display name (<c>name</c>).</summary>
    public string? Name { get; set; }

    /// <summary>The handle without <c>@</c> (<c>screen_name</c>).</summary>
    public string? ScreenName { get; set; }

    /// <summary>The user-supplied location (<c>location</c>).</summary>
    public string? Location { get; set; }

    /// <summary>The profile bio (<c>description</c>).</summary>
    public string? Description { get; set; }

    /// <summary>The profile URL, usually a t.co link (<c>url</c>).</summary>
    public string? Url { get; set; }

    /// <summary>Whether the account's posts are protected (<c>protected</c>).</summary>
    public bool? Protected { get; set; }

    /// <summary>Whether the account is verified (<c>verified</c>).</summary>
    public bool? Verified { get; set; }

    /// <summary>Number of followers (<c>followers_count</c>).</summary>
    public long? FollowersCount { get; set; }

    /// <summary>Number of accounts followed (<c>friends_count</c>).</summary>
    public long? FriendsCount { get; set; }

    /// <summary>Number of public lists the user is on (<c>listed_count</c>).</summary>
    public long? ListedCount { get; set; }

    /// <summary>Number of likes given (<c>favourites_count</c>).</summary>
    public long? FavouritesCount { get; set; }

    /// <summary>Number of posts, including Retweets (<c>statuses_count</c>).</summary>
    public long? StatusesCount { get; set; }

    /// <summary>Account creation as v1.1 text (<c>created_at</c>), on Tweet users.</summary>
    public string? CreatedAt { get; set; }

    /// <summary>Account creation in epoch milliseconds (<c>created_timestamp</c>), on DM side-map users.</summary>
    public long? CreatedTimestamp { get; set; }

    /// <summary>Account creation from <see cref="CreatedAt"/> or else <see cref="CreatedTimestamp"/>; null when neither parses.</summary>
    [JsonIgnore]
    public DateTimeOffset? CreatedAtTime => AccountActivityDates.ParseV1(CreatedAt) ?? AccountActivityDates.FromUnixMilliseconds(CreatedTimestamp);

    /// <summary>HTTPS URL of the profile image (<c>profile_image_url_https</c>).</summary>
    public string? ProfileImageUrlHttps { get; set; }

    /// <summary>URL of the profile banner (<c>profile_banner_url</c>).</summary>
    public string? ProfileBannerUrl { get; set; }

    /// <summary>True when the user has not changed the profile theme or background (<c>default_profile</c>).</summary>
    public bool? DefaultProfile { get; set; }

    /// <summary>True when the user has not uploaded a profile image (<c>default_profile_image</c>).</summary>
    public bool? DefaultProfileImage { get; set; }
}
