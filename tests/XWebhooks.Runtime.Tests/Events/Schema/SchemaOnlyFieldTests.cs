using System.Text;
using System.Text.Json;
using XWebhooks.Events;
using XWebhooks.Events.Activity;
using XWebhooks.Events.Stream;

namespace XWebhooks.Tests.Events.Schema;

/// <summary>
/// Fields X documents only in its schema (no example payload carries them): each payload here is written by hand from
/// the field list in tests/fixtures/schema/xdk-0.6.6-fields.txt (names and types as listed there), with made-up values.
/// </summary>
public sealed class SchemaOnlyFieldTests
{
    [Fact]
    public void Post_fields_from_the_schema_are_read()
    {
        // Written from the Post.* lines of the field list; the metrics objects follow X's v2 metrics docs (the schema
        // leaves them free-form).
        const string json = """
            {"data":{"id":"10","text":"t","card_uri":"card://1","community_id":"77","scopes":{"followers":true},
             "source":"Test App","username":"author",
             "attachments":{"media_keys":["3_1"],"media_source_tweet_id":["9"],"poll_ids":["5"]},
             "media_metadata":[{"media_key":"3_1","alt_text":"alt","title":"A title","description":"A description"}],
             "article":{"title":"Long read","entities":{"urls":[]}},"article_title":{"text":"Long read"},
             "non_public_metrics":{"impression_count":100,"url_link_clicks":3,"user_profile_clicks":"4"},
             "organic_metrics":{"impression_count":90,"like_count":5,"reply_count":1,"retweet_count":2,"url_link_clicks":3,"user_profile_clicks":4},
             "promoted_metrics":{"impression_count":10,"like_count":1,"reply_count":0,"retweet_count":0,"url_link_clicks":0,"user_profile_clicks":0},
             "matched_media_notes":[{"note_id":"n1","match_status":"matched"}],
             "note_request_suggestions":[{"suggestion_id":"s1","suggestion":"Needs context","source_link":"https://example.com/s"}],
             "suggested_source_links":["https://example.com/a"],
             "suggested_source_links_with_counts":[{"url":"https://example.com/a","count":2}],
             "withheld":{"copyright":true,"country_codes":["DE","FR"],"scope":"tweet"}},
             "includes":{"topics":[{"id":"t1","name":"Technology","description":"All things tech"}]},
             "matching_rules":[{"id":"1","tag":"schema"}]}
            """;

        var stream = JsonSerializer.Deserialize(Encoding.UTF8.GetBytes(json), StreamPost.JsonTypeInfo)!;
        var post = stream.Data!;

        Assert.Equal("card://1", post.CardUri);
        Assert.Equal("77", post.CommunityId);
        Assert.True(post.Scopes!.Followers);
        Assert.Equal("Test App", post.Source);
        Assert.Equal("author", post.Username);
        Assert.Equal(["9"], post.Attachments!.MediaSourceTweetId!);
        var metadata = Assert.Single(post.MediaMetadata!);
        Assert.Equal(("3_1", "alt", "A title", "A description"), (metadata.MediaKey, metadata.AltText, metadata.Title, metadata.Description));
        Assert.Equal("Long read", post.Article!.Value.GetProperty("title").GetString());
        Assert.Equal("Long read", post.ArticleTitle!.Value.GetProperty("text").GetString());
        Assert.Equal((100L, 3L, 4L), (post.NonPublicMetrics!.ImpressionCount, post.NonPublicMetrics.UrlLinkClicks, post.NonPublicMetrics.UserProfileClicks));
        Assert.Equal((90L, 5L, 1L, 2L), (post.OrganicMetrics!.ImpressionCount, post.OrganicMetrics.LikeCount, post.OrganicMetrics.ReplyCount, post.OrganicMetrics.RetweetCount));
        Assert.Equal(10L, post.PromotedMetrics!.ImpressionCount);
        Assert.Equal(("n1", "matched"), (post.MatchedMediaNotes![0].NoteId, post.MatchedMediaNotes[0].MatchStatus));
        var suggestion = Assert.Single(post.NoteRequestSuggestions!);
        Assert.Equal(("s1", "Needs context", "https://example.com/s"), (suggestion.SuggestionId, suggestion.Suggestion, suggestion.SourceLink));
        Assert.Equal(["https://example.com/a"], post.SuggestedSourceLinks!);
        Assert.Equal(("https://example.com/a", 2L), (post.SuggestedSourceLinksWithCounts![0].Url, post.SuggestedSourceLinksWithCounts[0].Count));
        Assert.Equal((true, "tweet"), (post.Withheld!.Copyright, post.Withheld.Scope));
        Assert.Equal(["DE", "FR"], post.Withheld.CountryCodes!);

        var topic = Assert.Single(stream.Includes!.Topics!);
        Assert.Equal(("t1", "Technology", "All things tech"), (topic.Id, topic.Name, topic.Description));
    }

    [Fact]
    public void User_fields_from_the_schema_are_read()
    {
        // Written from the User.* lines of the field list (counts as strings too: X sends *_str twins elsewhere).
        const string json = """
            {"id":"2","username":"u","parody":true,"subscription_type":"Premium","verified_followers_count":"12",
             "receives_your_dm":false,"connection_status":["following","followed_by"],"subscribes_to_you":true,
             "subscription":{"subscribes_to_you":true},"confirmed_email":"u@example.com",
             "withheld":{"country_codes":["TR"],"scope":"user"},
             "entities":{"url":{"urls":[{"start":0,"end":23,"url":"https://t.co/x","images":[{"url":"https://pbs.twimg.com/i.jpg","width":100,"height":50}]}]}}}
            """;

        var user = JsonSerializer.Deserialize(Encoding.UTF8.GetBytes(json), XStreamJsonContextUser)!;

        Assert.True(user.Parody);
        Assert.Equal("Premium", user.SubscriptionType);
        Assert.Equal(12, user.VerifiedFollowersCount);
        Assert.False(user.ReceivesYourDm);
        Assert.Equal(["following", "followed_by"], user.ConnectionStatus!);
        Assert.True(user.SubscribesToYou);
        Assert.True(user.Subscription!.SubscribesToYou);
        Assert.Equal("u@example.com", user.ConfirmedEmail);
        Assert.Equal(["TR"], user.Withheld!.CountryCodes!);
        Assert.Equal("user", user.Withheld.Scope);
        Assert.Null(user.Withheld.Copyright);
        var image = Assert.Single(Assert.Single(user.Entities!.Url!.Urls!).Images!);
        Assert.Equal(("https://pbs.twimg.com/i.jpg", 100, 50), (image.Url, image.Width, image.Height));
    }

    [Fact]
    public void Media_metrics_and_place_containment_from_the_schema_are_read()
    {
        // Written from the Media.* and Place.* lines of the field list.
        const string json = """
            {"data":{"id":"1","text":"t"},
             "includes":{
               "media":[{"media_key":"7_1","type":"video","public_metrics":{"view_count":1000},
                 "non_public_metrics":{"playback_0_count":90,"playback_25_count":70,"playback_50_count":50,"playback_75_count":30,"playback_100_count":10},
                 "organic_metrics":{"view_count":800,"playback_0_count":80,"playback_25_count":60,"playback_50_count":40,"playback_75_count":20,"playback_100_count":8},
                 "promoted_metrics":{"view_count":200,"playback_0_count":10,"playback_100_count":2}}],
               "places":[{"id":"p1","full_name":"Manhattan, NY","contained_within":["p0","p00"],
                 "geo":{"type":"Feature","bbox":[-74.02,40.69,-73.91,40.88],"properties":{}}}]},
             "matching_rules":[{"id":"1","tag":"schema"}]}
            """;

        var includes = JsonSerializer.Deserialize(Encoding.UTF8.GetBytes(json), StreamPost.JsonTypeInfo)!.Includes!;

        var media = Assert.Single(includes.Media!);
        Assert.Equal(1000, media.PublicMetrics!.ViewCount);
        Assert.Equal((90L, 70L, 50L, 30L, 10L), (media.NonPublicMetrics!.Playback0Count, media.NonPublicMetrics.Playback25Count, media.NonPublicMetrics.Playback50Count, media.NonPublicMetrics.Playback75Count, media.NonPublicMetrics.Playback100Count));
        Assert.Null(media.NonPublicMetrics.ViewCount);
        Assert.Equal((800L, 8L), (media.OrganicMetrics!.ViewCount, media.OrganicMetrics.Playback100Count));
        Assert.Equal((200L, 2L), (media.PromotedMetrics!.ViewCount, media.PromotedMetrics.Playback100Count));
        var place = Assert.Single(includes.Places!);
        Assert.Equal(["p0", "p00"], place.ContainedWithin!);
        Assert.Equal(4, place.Geo!.Value.GetProperty("bbox").GetArrayLength());
    }

    [Theory]
    [InlineData("liked_tweet_author_id")] // X's webhook docs
    [InlineData("tweet_author_id")] // X's OpenAPI schema (LikeWithPostAuthor)
    public void The_liked_posts_author_is_read_under_either_name(string name)
    {
        var json = $$$"""
            {"event_uuid":"1","event_type":"like.create","filter":{"user_id":"3"},
             "payload":{"id":"abc","liked_tweet_id":"20","{{{name}}}":"3","attachments_media_keys":["3_5","3_6"],"timestamp_ms":"1784928224372"}}
            """;

        var like = JsonSerializer.Deserialize(Encoding.UTF8.GetBytes(json), LikeCreated.JsonTypeInfo)!.Payload!;

        Assert.Equal("3", like.LikedTweetAuthorId);
        Assert.Equal(["3_5", "3_6"], like.AttachmentsMediaKeys!);
        Assert.Equal(1784928224372, like.TimestampMs);
    }

    [Fact]
    public void News_headline_keywords_and_object_contexts_are_read()
    {
        // headline: NewsActivityResponsePayload; keywords and contexts: News (free-form objects in the schema). The
        // docs' example has string lists in contexts; an element sent as an object must not fail the event.
        const string json = """
            {"event_uuid":"2","event_type":"news.new","filter":{"keyword":"OpenAI"},
             "payload":{"id":"9","name":"Pets in ChatGPT","headline":"OpenAI adds virtual pets","keywords":["OpenAI","ChatGPT"],
               "contexts":{"topics":["Technology",{"id":"131","name":"AI"}],
                           "entities":{"organizations":[{"name":"OpenAI","id":"o1"}],"people":[{"id":"x"}]},
                           "finance":{"tickers":["MSFT",42]},"sports":{"teams":[]}}}}
            """;

        var news = JsonSerializer.Deserialize(Encoding.UTF8.GetBytes(json), NewsCreated.JsonTypeInfo)!.Payload!;

        Assert.Equal("OpenAI adds virtual pets", news.Headline);
        Assert.Equal("Pets in ChatGPT", news.Name);
        Assert.Equal(["OpenAI", "ChatGPT"], news.Keywords!.Value.EnumerateArray().Select(static k => k.GetString()!));
        Assert.Equal(["Technology", "AI"], news.Contexts!.Topics!);
        Assert.Equal(["OpenAI"], news.Contexts.Entities!.Organizations!);
        Assert.Equal(["""{"id":"x"}"""], news.Contexts.Entities.People!);
        Assert.Equal(["MSFT", "42"], news.Contexts.Finance!.Tickers!);
        Assert.Empty(news.Contexts.Sports!.Teams!);
    }

    [Theory]
    [InlineData("dm.received")]
    [InlineData("dm.sent")]
    public void A_direct_message_attachment_is_kept(string eventType)
    {
        // No XAA example carries an attachment; this one has the v1.1 Direct Message event shape XAA reuses
        // (message_data.attachment {type, media}), as Account Activity keeps it.
        var json = """
            {"event_uuid":"3","event_type":"EVENT_TYPE","filter":{"user_id":"1"},
             "payload":{"direct_message_events":[{"type":"message_create","id":"4","created_timestamp":"1784928224372",
               "message_create":{"target":{"recipient_id":"1"},"sender_id":"2",
                 "message_data":{"text":"look https://t.co/m","attachment":{"type":"media","media":{"id_str":"55","media_url_https":"https://pbs.twimg.com/dm.jpg","type":"photo"}}}}}]}}
            """.Replace("EVENT_TYPE", eventType, StringComparison.Ordinal);

        var model = CapturedPayloads.ActivityModel(eventType);
        var value = JsonSerializer.Deserialize(Encoding.UTF8.GetBytes(json), model)!;
        var payload = (DmPayload)model.Type.GetProperty("Payload")!.GetValue(value)!;

        var attachment = Assert.Single(payload.DirectMessageEvents!).MessageCreate!.MessageData!.Attachment!.Value;
        Assert.Equal("media", attachment.GetProperty("type").GetString());
        Assert.Equal("55", attachment.GetProperty("media").GetProperty("id_str").GetString());
    }

    [Fact]
    public void Chat_event_fields_from_the_schema_are_read()
    {
        // Written from the ChatMessageEvent.* lines of the field list (the docs' chat.* examples lack these three).
        const string json = """
            {"event_uuid":"4","event_type":"chat.received","filter":{"user_id":"1"},
             "payload":{"id":"c1","conversation_id":"1:2","sender_id":"2","created_at":"2026-07-24T20:53:37.000Z","previous_id":"c0","is_trusted":true}}
            """;

        var model = CapturedPayloads.ActivityModel("chat.received");
        var value = JsonSerializer.Deserialize(Encoding.UTF8.GetBytes(json), model)!;
        var chat = (ChatPayload)model.Type.GetProperty("Payload")!.GetValue(value)!;

        Assert.Equal(new DateTimeOffset(2026, 7, 24, 20, 53, 37, TimeSpan.Zero), chat.CreatedAt);
        Assert.Equal("c0", chat.PreviousId);
        Assert.True(chat.IsTrusted);
    }

    private static System.Text.Json.Serialization.Metadata.JsonTypeInfo<XUser> XStreamJsonContextUser =>
        XWebhooks.Serialization.XStreamJsonContext.Default.XUser;
}
