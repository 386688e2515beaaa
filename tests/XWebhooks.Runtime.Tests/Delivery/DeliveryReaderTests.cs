using System.Text;
using XWebhooks.Delivery;

namespace XWebhooks.Tests.Delivery;

public sealed class DeliveryReaderTests
{
    private sealed record Located(XProduct Product, string EventType, string Json);

    private static (XProduct Product, string? ForUserId, List<Located> Events) ReadAll(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var reader = new XDeliveryReader(bytes);
        var events = new List<Located>();
        while (reader.TryReadNext(out var payload))
        {
            events.Add(new Located(payload.Product, Encoding.UTF8.GetString(payload.EventType.Span), Encoding.UTF8.GetString(payload.Json.Span)));
        }

        return (reader.Product, reader.ForUserId, events);
    }

    [Fact]
    public void Activity_event_is_the_data_object_with_its_event_type()
    {
        var (product, _, events) = ReadAll("""{"data":{"event_uuid":"-1","event_type":"post.create","payload":{"id":"1"}}}""");
        Assert.Equal(XProduct.Activity, product);
        var located = Assert.Single(events);
        Assert.Equal(new Located(XProduct.Activity, "post.create", """{"event_uuid":"-1","event_type":"post.create","payload":{"id":"1"}}"""), located);
    }

    [Fact]
    public void Activity_event_type_may_follow_the_payload()
    {
        var (_, _, events) = ReadAll("""{"data":{"payload":{"event_type":"nested.decoy"},"event_type":"like.create"}}""");
        Assert.Equal("like.create", Assert.Single(events).EventType);
    }

    [Fact]
    public void Escaped_event_type_is_unescaped()
    {
        var (_, _, events) = ReadAll("""{"data":{"event_type":"post\u002Ecreate"}}""");
        Assert.Equal("post.create", Assert.Single(events).EventType);
    }

    [Theory]
    [InlineData("""{"data":{"id":"1","text":"hi"},"includes":{},"matching_rules":[{"id":"9","tag":"t"}]}""")]
    [InlineData("""{"matching_rules":[{"id":"9","tag":"t"}],"data":{"id":"1","text":"hi"}}""")]
    [InlineData("""{"data":{"id":"1","text":"hi"}}""")]
    public void Filtered_stream_body_is_one_post_event_whatever_the_key_order(string body)
    {
        var (product, _, events) = ReadAll(body);
        Assert.Equal(XProduct.FilteredStream, product);
        Assert.Equal(new Located(XProduct.FilteredStream, "post", body), Assert.Single(events));
    }

    [Fact]
    public void Account_activity_yields_every_array_element_with_for_user_id()
    {
        var (product, forUserId, events) = ReadAll("""
            {"for_user_id":"42","favorite_events":[{"id":"a"},{"id":"b"}],"users":{"1":{}},"tweet_delete_events":[{"status":{"id":"3"}}]}
            """);
        Assert.Equal(XProduct.AccountActivity, product);
        Assert.Equal("42", forUserId);
        Assert.Equal(
            [
                new Located(XProduct.AccountActivity, "favorite_events", """{"id":"a"}"""),
                new Located(XProduct.AccountActivity, "favorite_events", """{"id":"b"}"""),
                new Located(XProduct.AccountActivity, "tweet_delete_events", """{"status":{"id":"3"}}"""),
            ],
            events);
    }

    [Theory]
    [InlineData("follow_events", "unfollow", "unfollow_events")]
    [InlineData("follow_events", "follow", "follow_events")]
    [InlineData("block_events", "unblock", "unblock_events")]
    [InlineData("mute_events", "unmute", "unmute_events")]
    [InlineData("unfollow_events", "unfollow", "unfollow_events")]
    [InlineData("favorite_events", "unfollow", "favorite_events")]
    public void Un_events_are_normalized_to_their_own_kind(string key, string type, string expected)
    {
        var (_, _, events) = ReadAll($$$"""{"for_user_id":"1","{{{key}}}":[{"source":{"id":"2","nested":{"type":"x"}},"type":"{{{type}}}"}]}""");
        Assert.Equal(expected, Assert.Single(events).EventType);
    }

    [Fact]
    public void User_event_and_replay_job_status_are_single_events()
    {
        var (product, forUserId, events) = ReadAll("""{"user_event":{"revoke":{"source":{"user_id":"1"}}},"replay_job_status":{"job_state":"Complete"}}""");
        Assert.Equal(XProduct.AccountActivity, product);
        Assert.Null(forUserId);
        Assert.Equal(["user_event", "replay_job_status"], events.Select(e => e.EventType));
    }

    [Fact]
    public void Unknown_shape_is_one_unknown_event_with_the_whole_body()
    {
        const string body = """{"something":"new"}""";
        var (product, _, events) = ReadAll(body);
        Assert.Equal(XProduct.Unknown, product);
        Assert.Equal(new Located(XProduct.Unknown, "", body), Assert.Single(events));
    }

    [Fact]
    public void Unknown_activity_event_type_is_still_located()
    {
        var (product, _, events) = ReadAll("""{"data":{"event_type":"brand.new.kind","payload":{}}}""");
        Assert.Equal(XProduct.Activity, product);
        Assert.Equal("brand.new.kind", Assert.Single(events).EventType);
    }

    [Theory]
    [InlineData("", "not valid JSON")]
    [InlineData("[1,2]", "must be a JSON object")]
    [InlineData("\"text\"", "must be a JSON object")]
    [InlineData("{\"data\":{\"event_type\":\"post.create\"}", "not valid JSON")]
    [InlineData("{\"data\":{}} trailing", "not valid JSON")]
    [InlineData("{\"for_user_id\":\"1\",\"favorite_events\":[{\"id\":1},]}", "not valid JSON")]
    [InlineData("{'single':'quotes'}", "not valid JSON")]
    public void Malformed_bodies_throw_a_format_exception_with_a_reason(string body, string reason)
    {
        var ex = Assert.Throws<XDeliveryFormatException>(() => ReadAll(body));
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_tail_is_detected_before_the_last_event_is_yielded()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"for_user_id":"1","favorite_events":[{"id":"a"}],"broken":}""");
        var yielded = 0;
        Assert.Throws<XDeliveryFormatException>(() =>
        {
            var reader = new XDeliveryReader(bytes);
            while (reader.TryReadNext(out _))
            {
                yielded++;
            }
        });
        Assert.Equal(1, yielded);
    }

    [Fact]
    public void Reading_an_activity_delivery_allocates_nothing()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"data":{"event_uuid":"1","event_type":"post.create","payload":{"id":"1","text":"x"},"includes":{"users":[{"id":"2"}]}}}""");
        static int Count(byte[] body)
        {
            var reader = new XDeliveryReader(body);
            var n = 0;
            while (reader.TryReadNext(out _))
            {
                n++;
            }

            return n;
        }

        Count(bytes);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var total = 0;
        for (var i = 0; i < 100; i++)
        {
            total += Count(bytes);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(100, total);
    }
}
