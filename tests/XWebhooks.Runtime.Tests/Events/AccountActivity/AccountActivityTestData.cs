using System.Text;
using System.Text.Json;
using XWebhooks.Events;
using XWebhooks.Events.AccountActivity;

namespace XWebhooks.Tests.Events.AccountActivity;

/// <summary>Reads AAA fixtures as a whole delivery or as one event element, the way the runtime slices them.</summary>
internal static class AccountActivityTestData
{
    public static byte[] Fixture(string name) => Fixtures.Read("account-activity/" + name);

    public static AccountActivityDelivery ReadDelivery(string name) => Parse(Fixture(name));

    public static AccountActivityDelivery Parse(byte[] json) =>
        JsonSerializer.Deserialize(json, AccountActivityDelivery.JsonTypeInfo) ?? throw new InvalidOperationException("null delivery");

    public static AccountActivityDelivery Parse(string json) => Parse(Encoding.UTF8.GetBytes(json));

    /// <summary>The raw JSON of <paramref name="key"/>'s element <paramref name="index"/> (or of the object itself when it is not an array).</summary>
    public static byte[] Element(byte[] body, string key, int index = 0)
    {
        using var document = JsonDocument.Parse(body);
        var value = document.RootElement.GetProperty(key);
        var element = value.ValueKind == JsonValueKind.Array ? value[index] : value;
        return Encoding.UTF8.GetBytes(element.GetRawText());
    }

    /// <summary>Deserializes one event through its own source-generated metadata, as a generated dispatcher does.</summary>
    public static T Event<T>(byte[] json) where T : IXEvent<T> =>
        JsonSerializer.Deserialize(json, T.JsonTypeInfo) ?? throw new InvalidOperationException("null event");

    public static T Event<T>(string json) where T : IXEvent<T> => Event<T>(Encoding.UTF8.GetBytes(json));

    public static T FixtureEvent<T>(string name, string key, int index = 0) where T : IXEvent<T> =>
        Event<T>(Element(Fixture(name), key, index));
}
