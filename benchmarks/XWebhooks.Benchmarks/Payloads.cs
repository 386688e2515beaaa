using XWebhooks.Delivery;

namespace XWebhooks.Benchmarks;

/// <summary>The fixtures the benchmarks use, read from the output folder (copied from tests/fixtures).</summary>
internal static class Payloads
{
    public const string Activity = "activity/post.create";
    public const string AccountActivity = "account-activity/favorite_events";
    public const string Stream = "stream/post";
    public const string ActivityUnhandled = "activity/profile.update.bio";
    public const string AccountActivityUnhandled = "account-activity/tweet_delete_events";

    public static byte[] Load(string name) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "fixtures", name + ".json"));

    /// <summary>The JSON of the first event in <paramref name="body"/>, exactly as the reader locates it.</summary>
    public static byte[] FirstEventJson(byte[] body)
    {
        var reader = new XDeliveryReader(body);
        if (!reader.TryReadNext(out var payload))
        {
            throw new InvalidOperationException("The fixture has no event.");
        }

        return payload.Json.ToArray();
    }
}
