using System.Text.Json;
using XWebhooks.Events.Activity;

namespace XWebhooks.Tests.Events;

/// <summary>A date X writes in an unexpected form must not fail the whole event (it would be redelivered forever).</summary>
public sealed class LenientDateTests
{
    private static DateTimeOffset? CreatedAt(string createdAtJson)
    {
        var json = System.Text.Encoding.UTF8.GetBytes("{\"event_type\":\"like.create\",\"payload\":{\"id\":\"1\",\"created_at\":" + createdAtJson + "}}");
        return JsonSerializer.Deserialize(json, LikeCreated.JsonTypeInfo)!.Payload!.CreatedAt;
    }

    [Fact]
    public void Iso_dates_parse() => Assert.Equal(new DateTimeOffset(2026, 7, 24, 21, 12, 45, TimeSpan.Zero), CreatedAt("\"2026-07-24T21:12:45.000Z\""));

    [Fact]
    public void V1_dates_parse() => Assert.Equal(new DateTimeOffset(2018, 3, 26, 16, 33, 26, TimeSpan.Zero), CreatedAt("\"Mon Mar 26 16:33:26 +0000 2018\""));

    [Fact]
    public void Epoch_milliseconds_parse() => Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1784927565236), CreatedAt("1784927565236"));

    [Theory]
    [InlineData("\"not a date\"")]
    [InlineData("null")]
    [InlineData("{\"nested\":true}")]
    [InlineData("true")]
    public void Anything_else_reads_as_null_instead_of_failing(string json) => Assert.Null(CreatedAt(json));
}
