using XWebhooks.Events;
using XWebhooks.Events.Activity;

namespace XWebhooks.Tests.Events.Activity;

public class ProfileEventTests
{
    private static void AssertProfileUpdate<T>(string eventType, string uuid, string tag, string before, string after)
        where T : ActivityEvent<ProfileUpdatePayload>, IXEvent<T>
    {
        var e = ActivityFixture.Read<T>(eventType);
        Assert.Equal(eventType, e.EventType);
        Assert.Equal(uuid, e.EventUuid);
        Assert.Equal(tag, e.Tag);
        Assert.Equal("1111111111111111111", e.Filter!.UserId);
        Assert.Equal(before, e.Payload!.Before);
        Assert.Equal(after, e.Payload.After);
    }

    [Fact]
    public void Bio() => AssertProfileUpdate<ProfileBioUpdated>(
        "profile.update.bio", "-8917909039855612786", "profile-bio",
        "Building with the X API", "Building with the X API @XDevelopers");

    [Fact]
    public void Picture() => AssertProfileUpdate<ProfilePictureUpdated>(
        "profile.update.profile_picture", "3497989179769309099", "profile-picture",
        "https://pbs.twimg.com/profile_images/0000000000000000001/old_normal.jpg",
        "https://pbs.twimg.com/profile_images/0000000000000000001/example_normal.jpg");

    [Fact]
    public void Banner() => AssertProfileUpdate<ProfileBannerUpdated>(
        "profile.update.banner_picture", "5061407317112342192", "profile-banner",
        "https://pbs.twimg.com/profile_banners/1111111111111111111/1500000000",
        "https://pbs.twimg.com/profile_banners/1111111111111111111/1600000000");

    [Fact]
    public void ScreenName() => AssertProfileUpdate<ProfileScreenNameUpdated>(
        "profile.update.screenname", "4123434298221215973", "profile-name", "Example User", "Example");

    [Fact]
    public void Geo() => AssertProfileUpdate<ProfileGeoUpdated>(
        "profile.update.geo", "8309664692915093892", "profile-location", "New York, NY", "San Francisco, CA");

    [Fact]
    public void Url() => AssertProfileUpdate<ProfileUrlUpdated>(
        "profile.update.url", "-6055744140117128555", "profile-url", "https://t.co/oldlinkxx", "https://t.co/xxxxxxxx");
}
