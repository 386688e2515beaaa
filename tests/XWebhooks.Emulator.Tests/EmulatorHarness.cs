using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace XWebhooks.Emulator.Tests;

/// <summary>An emulator on a free port, an HTTP client carrying its bearer token, and a scripted receiver.</summary>
internal sealed class EmulatorHarness : IAsyncDisposable
{
    public const string Secret = "emulator-test-secret";
    public const string Token = "app-token";
    public const string UserToken = "user-token";
    public const string UserId = "2244994945";

    private EmulatorHarness(XEmulator emulator, HttpClient client, ScriptedReceiver receiver)
    {
        Emulator = emulator;
        Client = client;
        Receiver = receiver;
    }

    public XEmulator Emulator { get; }

    public HttpClient Client { get; }

    public ScriptedReceiver Receiver { get; }

    public static async Task<EmulatorHarness> StartAsync(Action<XEmulatorOptions>? configure = null)
    {
        var options = new XEmulatorOptions
        {
            ConsumerSecret = Secret,
            BearerToken = Token,
            Url = "http://127.0.0.1:0",
            RetryDelays = [TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100)],
            CrcTimeout = TimeSpan.FromSeconds(5),
            DeliveryTimeout = TimeSpan.FromSeconds(5),
        };
        options.UserTokens[UserToken] = UserId;
        configure?.Invoke(options);
        var emulator = XEmulator.Create(options);
        await emulator.StartAsync();
        var client = new HttpClient { BaseAddress = emulator.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return new EmulatorHarness(emulator, client, await ScriptedReceiver.StartAsync(Secret));
    }

    public async Task<(HttpResponseMessage Response, JsonElement Json)> SendAsync(HttpMethod method, string path, string? json = null, string? bearer = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text.Length == 0 ? "{}" : text);
        return (response, document.RootElement.Clone());
    }

    /// <summary>Registers the receiver; returns the webhook id.</summary>
    public async Task<string> RegisterAsync()
    {
        var (response, json) = await SendAsync(HttpMethod.Post, "/2/webhooks", $$"""{"url":"{{Receiver.Url}}"}""");
        Assert.Equal(200, (int)response.StatusCode);
        return json.GetProperty("data").GetProperty("id").GetString()!;
    }

    public Task<XEmulatorDelivery> WaitForAsync(string deliveryId, Func<XEmulatorDelivery, bool> condition) =>
        Poll.ValueAsync(
            () =>
            {
                var delivery = Emulator.Deliveries.Single(d => d.Id == deliveryId);
                return condition(delivery) ? delivery : null;
            },
            $"delivery {deliveryId} reached the expected state");

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Emulator.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}
