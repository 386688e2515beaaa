using XWebhooks.Cli.Load;

namespace XWebhooks.Cli.Tests;

public sealed class PercentilesTests
{
    [Fact]
    public void One_to_a_hundred_gives_the_nearest_ranks()
    {
        var percentiles = new Percentiles(Enumerable.Range(1, 100).Select(i => (double)i).Reverse());

        Assert.Equal(100, percentiles.Count);
        Assert.Equal(50, percentiles.Get(50));
        Assert.Equal(90, percentiles.Get(90));
        Assert.Equal(99, percentiles.Get(99));
        Assert.Equal(100, percentiles.Get(100));
        Assert.Equal(1, percentiles.Get(0));
        Assert.Equal(1, percentiles.Min);
        Assert.Equal(100, percentiles.Max);
        Assert.Equal(50.5, percentiles.Mean);
    }

    [Fact]
    public void Every_value_reported_was_measured()
    {
        var percentiles = new Percentiles([10, 20, 30, 40]);

        Assert.Equal(20, percentiles.Get(50));
        Assert.Equal(40, percentiles.Get(90));
        Assert.Equal(40, percentiles.Get(99));
        Assert.Equal(10, percentiles.Get(25));
        Assert.Equal(30, percentiles.Get(50.1));
    }

    [Fact]
    public void A_single_sample_is_every_percentile()
    {
        var percentiles = new Percentiles([7.5]);

        Assert.Equal(7.5, percentiles.Get(0));
        Assert.Equal(7.5, percentiles.Get(50));
        Assert.Equal(7.5, percentiles.Get(99.9));
        Assert.Equal(7.5, percentiles.Max);
    }

    [Fact]
    public void No_samples_gives_zeros()
    {
        var percentiles = new Percentiles([]);

        Assert.Equal(0, percentiles.Count);
        Assert.Equal(0, percentiles.Get(99));
        Assert.Equal(0, percentiles.Max);
        Assert.Empty(percentiles.Histogram());
    }

    [Fact]
    public void A_long_tail_shows_in_p99_not_p50()
    {
        var samples = Enumerable.Repeat(1.0, 990).Concat(Enumerable.Repeat(500.0, 10));
        var percentiles = new Percentiles(samples);

        Assert.Equal(1, percentiles.Get(50));
        Assert.Equal(1, percentiles.Get(99));
        Assert.Equal(500, percentiles.Get(99.1));
        Assert.Equal(500, percentiles.Max);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(100.1)]
    [InlineData(double.NaN)]
    public void Percentiles_outside_0_to_100_are_refused(double percentile)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Percentiles([1, 2]).Get(percentile));
    }

    [Fact]
    public void Histogram_counts_every_sample_once()
    {
        var samples = Enumerable.Range(1, 1000).Select(i => i / 10.0).ToArray();
        var buckets = new Percentiles(samples).Histogram(8);

        Assert.Equal(8, buckets.Count);
        Assert.Equal(samples.Length, buckets.Sum(bucket => bucket.Count));
        Assert.Equal(100, buckets[^1].UpperBound);
        Assert.True(buckets.Zip(buckets.Skip(1)).All(pair => pair.First.UpperBound < pair.Second.UpperBound));
    }

    [Fact]
    public void Histogram_of_equal_samples_is_one_bucket()
    {
        var buckets = new Percentiles([3, 3, 3]).Histogram();

        Assert.Equal([(3.0, 3)], buckets);
    }
}

public sealed class InputTests
{
    [Theory]
    [InlineData("10s", 10_000)]
    [InlineData("500ms", 500)]
    [InlineData("2m", 120_000)]
    [InlineData("1.5", 1_500)]
    [InlineData("1h", 3_600_000)]
    public void Durations_parse(string text, double milliseconds)
    {
        Assert.True(CliCommon.TryParseDuration(text, out var value));
        Assert.Equal(milliseconds, value.TotalMilliseconds);
    }

    [Fact]
    public void Suggestions_find_close_kinds()
    {
        Assert.Contains("activity/post.create", EventCatalog.Suggest("post.creat"));
        Assert.Contains("account-activity/favorite_events", EventCatalog.Suggest("favorite_event"));
        Assert.Empty(EventCatalog.Suggest("zzzzzzzzzzzzzz"));
    }

    [Fact]
    public void Bare_kinds_resolve_to_full_names()
    {
        Assert.Equal("activity/post.create", EventCatalog.Resolve("post.create"));
        Assert.Equal("stream/post", EventCatalog.Resolve("post"));
        Assert.Equal("account-activity/favorite_events", EventCatalog.Resolve("favorite_events"));
    }
}
