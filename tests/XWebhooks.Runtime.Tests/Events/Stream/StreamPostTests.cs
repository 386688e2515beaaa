using System.Text;
using System.Text.Json;
using XWebhooks.Events.Stream;

namespace XWebhooks.Tests.Events.Stream;

public class StreamPostTests
{
    [Fact]
    public void Documented_delivery_deserializes()
    {
        var post = JsonSerializer.Deserialize(Fixtures.Read("stream/post.json"), StreamPost.JsonTypeInfo)!;

        Assert.Equal("1346889436626259968", post.Data!.Id);
        Assert.StartsWith("Learn how to use the user Post timeline", post.Data.Text);
        Assert.Equal("2244994945", post.Data.AuthorId);
        Assert.Equal(new DateTimeOffset(2021, 1, 6, 18, 40, 40, TimeSpan.Zero), post.Data.CreatedAt);

        var user = Assert.Single(post.Includes!.Users!);
        Assert.Equal("2244994945", user.Id);
        Assert.Equal("Developers", user.Name);
        Assert.Equal("Xdevelopers", user.Username);
        Assert.False(user.Protected);
        Assert.Equal(new DateTimeOffset(2013, 12, 14, 4, 35, 55, TimeSpan.Zero), user.CreatedAt);

        var rule = Assert.Single(post.MatchingRules!);
        Assert.Equal("120897978112909812", rule.Id);
        Assert.Equal("api-posts", rule.Tag);
    }

    [Fact]
    public void Rule_id_sent_as_a_number_and_wrapped_includes_user_are_tolerated()
    {
        const string json = """
            {"data":{"id":"1","text":"t","edit_history_tweet_ids":["1"],"attachments":{"media_keys":["3_1"]},"future":{"x":1}},
             "includes":{"users":[{"data":{"id":"2","username":"u"}}],"media":[{"media_key":"3_1","type":"photo","width":"640"}]},
             "matching_rules":[{"id":120897978112909812,"tag":"t"}]}
            """;
        var post = JsonSerializer.Deserialize(Encoding.UTF8.GetBytes(json), StreamPost.JsonTypeInfo)!;

        Assert.Equal("120897978112909812", Assert.Single(post.MatchingRules!).Id);
        Assert.Equal("u", Assert.Single(post.Includes!.Users!).Username);
        Assert.Equal(640, Assert.Single(post.Includes.Media!).Width);
        Assert.Equal(["3_1"], post.Data!.Attachments!.MediaKeys!);
    }
}
