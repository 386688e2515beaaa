using System.Text;
using XWebhooks.Delivery;
using XWebhooks.Inbox;

namespace XWebhooks.Tests.Inbox;

public sealed class DedupeKeysTests
{
    private static string? Key(XProduct product, string eventType, string json, string? forUserId = null) =>
        DedupeKeys.For(new XEventPayload(product, Encoding.UTF8.GetBytes(eventType), Encoding.UTF8.GetBytes(json)), forUserId);

    [Fact]
    public void Activity_key_is_the_event_uuid_even_when_negative() =>
        Assert.Equal("xaa:-2781149976877970683", Key(XProduct.Activity, "post.create", """{"event_uuid":"-2781149976877970683","payload":{}}"""));

    [Fact]
    public void Activity_key_reads_a_numeric_event_uuid_after_other_values() =>
        Assert.Equal("xaa:2080761390344937796", Key(XProduct.Activity, "post.create", """{"payload":{"event_uuid":"decoy"},"event_uuid":2080761390344937796}"""));

    [Fact]
    public void Activity_without_event_uuid_has_no_key() =>
        Assert.Null(Key(XProduct.Activity, "post.create", """{"payload":{}}"""));

    [Theory]
    [InlineData("tweet_create_events", """{"id":1924465506158879000,"id_str":"1924465506158878979"}""", "aaa:42:tweet_create_events:1924465506158878979")]
    [InlineData("favorite_events", """{"id":"a7ba59eab0bfcba386f7acedac279542"}""", "aaa:42:favorite_events:a7ba59eab0bfcba386f7acedac279542")]
    [InlineData("direct_message_events", """{"type":"message_create","id":"954491830116155396"}""", "aaa:42:direct_message_events:954491830116155396")]
    [InlineData("tweet_delete_events", """{"status":{"id":"1045405559317569537","user_id":"930524282358325248"},"timestamp_ms":"1432228155593"}""", "aaa:42:tweet_delete_events:1045405559317569537@1432228155593")]
    public void Account_activity_keys_use_the_kinds_own_id_and_for_user_id(string kind, string json, string expected) =>
        Assert.Equal(expected, Key(XProduct.AccountActivity, kind, json, "42"));

    [Fact]
    public void Account_activity_kinds_without_an_id_key_on_a_hash_of_their_bytes()
    {
        var follow = """{"type":"follow","created_timestamp":"1517588749178","source":{"id":"1"},"target":{"id":"2"}}""";
        var key = Key(XProduct.AccountActivity, "follow_events", follow, "42");

        Assert.StartsWith("aaa:42:follow_events:sha256-", key, StringComparison.Ordinal);
        Assert.Equal(key, Key(XProduct.AccountActivity, "follow_events", follow, "42"));
        Assert.NotEqual(key, Key(XProduct.AccountActivity, "follow_events", follow.Replace("1517588749178", "1517588749179", StringComparison.Ordinal), "42"));
        Assert.NotEqual(key, Key(XProduct.AccountActivity, "follow_events", follow, "43"));
    }

    [Fact]
    public void Stream_key_is_the_post_id_with_sorted_rule_ids() =>
        Assert.Equal(
            "stream:1346889436626259968:1,2",
            Key(XProduct.FilteredStream, "post", """{"data":{"id":"1346889436626259968"},"matching_rules":[{"id":"2"},{"id":1}]}"""));

    [Fact]
    public void Unknown_product_has_no_key() => Assert.Null(Key(XProduct.Unknown, "", "{}"));
}
