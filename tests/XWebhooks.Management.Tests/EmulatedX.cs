using XWebhooks.Emulator;

namespace XWebhooks.Management.Tests;

/// <summary>The local X emulator plus a real receiver that answers its CRC, and a client pointed at the emulator.</summary>
internal sealed class EmulatedX : IAsyncDisposable
{
    public const string Secret = "management-tests-consumer-secret";
    public const string Bearer = "management-tests-bearer";
    public const string UserToken = "user-token-3001";
    public const string UserId = "3001";

    private EmulatedX(XEmulator emulator, TestReceiver receiver)
    {
        Emulator = emulator;
        Receiver = receiver;
    }

    public XEmulator Emulator { get; }

    public TestReceiver Receiver { get; }

    public static async Task<EmulatedX> StartAsync(Action<XEmulatorOptions>? configure = null, string receiverSecret = Secret)
    {
        var options = new XEmulatorOptions { ConsumerSecret = Secret, BearerToken = Bearer, Url = "http://127.0.0.1:0", CrcTimeout = TimeSpan.FromSeconds(5) };
        options.UserTokens[UserToken] = UserId;
        configure?.Invoke(options);
        var emulator = XEmulator.Create(options);
        await emulator.StartAsync();
        var receiver = await TestReceiver.StartAsync(new() { Secret = receiverSecret });
        return new EmulatedX(emulator, receiver);
    }

    public XWebhooksClient Client(TimeSpan? maxRateLimitWait = null, string bearer = Bearer) =>
        new(new HttpClient(), new XWebhooksClientOptions
        {
            BearerToken = bearer,
            BaseAddress = Emulator.BaseAddress,
            MaxRateLimitWait = maxRateLimitWait ?? TimeSpan.Zero,
        });

    public async ValueTask DisposeAsync()
    {
        await Receiver.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
