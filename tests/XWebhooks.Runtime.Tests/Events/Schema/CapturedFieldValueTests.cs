using System.Text.Json;
using XWebhooks.Events.Stream;

namespace XWebhooks.Tests.Events.Schema;

/// <summary>
/// Fields the models used to drop, read from real payloads X returned (tests/captures, wrapped as
/// filtered-stream messages as their SOURCES.md prescribes). Expected values are copied from the capture files.
/// </summary>
public sealed class CapturedFieldValueTests
{
    [Fact]
    public void Withheld_context_annotations_url_images_and_source_are_read()
    {
        var post = ReadPost("v2-response/twarc-csv-withheld-copyright.json");

        Assert.Equal("TweetDeck", post.Source);
        Assert.False(post.Withheld!.Copyright);
        Assert.Equal(["IN"], post.Withheld.CountryCodes!);

        var annotation = Assert.Single(post.ContextAnnotations!);
        Assert.Equal("123", annotation.Domain!.Id);
        Assert.Equal("Ongoing News Story", annotation.Domain.Name);
        Assert.Equal("Ongoing News Stories like 'Brexit'", annotation.Domain.Description);
        Assert.Equal("1220701888179359745", annotation.Entity!.Id);
        Assert.Equal("COVID-19", annotation.Entity.Name);
        Assert.Null(annotation.Entity.Description);

        var url = Assert.Single(post.Entities!.Urls!);
        Assert.Collection(
            url.Images!,
            image =>
            {
                Assert.Equal("https://pbs.twimg.com/news_img/1388183380634836996/vUxnew5y?format=jpg&name=orig", image.Url);
                Assert.Equal(1280, image.Width);
                Assert.Equal(720, image.Height);
            },
            image =>
            {
                Assert.EndsWith("name=150x150", image.Url, StringComparison.Ordinal);
                Assert.Equal(150, image.Width);
                Assert.Equal(150, image.Height);
            });
    }

    [Fact]
    public void Exact_coordinates_are_read_as_a_GeoJSON_point()
    {
        var post = ReadPost("v2-response/twarc-csv-geo-coordinates.json");

        Assert.Equal("Instagram", post.Source);
        Assert.Equal("Point", post.Geo!.Coordinates!.Type);
        Assert.Equal([42.77810097, 88.01785747], post.Geo.Coordinates.Coordinates!);
        Assert.Null(post.Geo.PlaceId);
        Assert.Equal(2, post.ContextAnnotations!.Count);
        Assert.StartsWith("This entity includes all conversation about the franchise", post.ContextAnnotations[1].Entity!.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Community_id_is_read()
    {
        var post = ReadPost("v2-response/tweepy-create-tweet-community.json");

        Assert.Equal("123456789", post.CommunityId);
    }

    [Fact]
    public void Partial_errors_beside_the_post_are_read_on_the_stream_event()
    {
        var message = CapturedPayloads.AsStreamMessages(Captures.Read("v2-response/twarc-csv-withheld-errors.json")).Single();

        var stream = JsonSerializer.Deserialize(message, StreamPost.JsonTypeInfo)!;

        Assert.Equal("506695756406095872", stream.Data!.Id);
        var problem = Assert.Single(stream.Errors!);
        Assert.Equal("https://api.twitter.com/2/problems/resource-not-found", problem.Type);
        Assert.Equal("Not Found Error", problem.Title);
        Assert.Equal("Could not find tweet with referenced_tweets.id: [506694458445152256].", problem.Detail);
        Assert.Equal("tweet", problem.ResourceType);
        Assert.Equal("506694458445152256", problem.ResourceId);
        Assert.Equal("referenced_tweets.id", problem.Parameter);
        Assert.Equal("506694458445152256", problem.Value);
    }

    private static XWebhooks.Events.XPost ReadPost(string capture)
    {
        var message = CapturedPayloads.AsStreamMessages(Captures.Read(capture)).First();
        return JsonSerializer.Deserialize(message, StreamPost.JsonTypeInfo)!.Data!;
    }
}
