using StackExchange.Redis;

namespace XWebhooks.Redis;

/// <summary>
/// What the inbox queue, the dedupe store and the watermark share: the connection (opened on first use when the
/// store owns it, retried after a failed connect), the key names, this instance's consumer name and the clock.
/// The consumer group is created by the scripts that need it (<see cref="RedisScripts"/>), so no call pays a
/// round trip for setup.
/// </summary>
internal sealed class RedisStore : IAsyncDisposable
{
    /// <summary>The one consumer group all instances read the inbox stream through.</summary>
    public const string GroupName = "xwebhooks";

    private readonly string? configuration;
    private readonly TimeProvider time;
    private readonly bool ownsConnection;
    private readonly Lock connectionLock = new();
    private Task<IConnectionMultiplexer>? connecting;
    private int disposed;

    private RedisStore(XWebhooksRedisOptions options, TimeProvider? timeProvider, string? configuration, IConnectionMultiplexer? connection)
    {
        ArgumentNullException.ThrowIfNull(options.KeyPrefix);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ConsumerName, nameof(options) + "." + nameof(options.ConsumerName));
        Keys = new RedisKeys(options.KeyPrefix);
        ConsumerName = options.ConsumerName;
        time = timeProvider ?? TimeProvider.System;
        this.configuration = configuration;
        ownsConnection = connection is null;
        connecting = connection is null ? null : Task.FromResult(connection);
    }

    public RedisKeys Keys { get; }

    /// <summary>This instance's consumer in <see cref="GroupName"/>.</summary>
    public string ConsumerName { get; }

    /// <summary>A store that connects to <see cref="XWebhooksRedisOptions.Configuration"/> on first use and closes that connection on dispose.</summary>
    public static RedisStore Connecting(XWebhooksRedisOptions options, TimeProvider? timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Configuration, nameof(options) + "." + nameof(options.Configuration));
        return new RedisStore(options, timeProvider, options.Configuration, connection: null);
    }

    /// <summary>A store on a connection the application owns (never closed by the store).</summary>
    public static RedisStore On(IConnectionMultiplexer connection, XWebhooksRedisOptions options, TimeProvider? timeProvider)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(options);
        return new RedisStore(options, timeProvider, configuration: null, connection);
    }

    /// <summary>Now on the store's clock (retry due times, dead-letter times), in Unix milliseconds.</summary>
    public long NowMs() => time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>The database; connects first when needed. Once connected, completes synchronously.</summary>
    public ValueTask<IDatabase> DatabaseAsync()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        var current = Volatile.Read(ref connecting);
        return current is { IsCompletedSuccessfully: true }
            ? new ValueTask<IDatabase>(current.Result.GetDatabase())
            : ConnectThenGetDatabaseAsync();
    }

    /// <summary>Closes the connection when the store opened it. Safe to call more than once.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0 || !ownsConnection)
        {
            return;
        }

        Task<IConnectionMultiplexer>? opened;
        lock (connectionLock)
        {
            opened = connecting;
        }

        if (opened is null)
        {
            return;
        }

        try
        {
            await (await opened.ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
        }
        catch (RedisConnectionException)
        {
            // Never connected: nothing to close.
        }
    }

    private async ValueTask<IDatabase> ConnectThenGetDatabaseAsync()
    {
        Task<IConnectionMultiplexer> current;
        lock (connectionLock)
        {
            if (connecting is null || connecting.IsFaulted || connecting.IsCanceled)
            {
                // The first call connects; a failed connect is retried by the next call.
                connecting = ConnectAsync(configuration!);
            }

            current = connecting;
        }

        return (await current.ConfigureAwait(false)).GetDatabase();
    }

    private static async Task<IConnectionMultiplexer> ConnectAsync(string configuration)
        => await ConnectionMultiplexer.ConnectAsync(configuration).ConfigureAwait(false);
}
