using Microsoft.Data.Sqlite;
using XWebhooks.Inbox.Tests;
using XWebhooks.Redis;
using XWebhooks.Sqlite;

namespace XWebhooks.Recovery.Tests;

/// <summary>Every watermark store returns what was recorded, starts empty, and never moves backwards.</summary>
public sealed class WatermarkStoreTests : IClassFixture<RedisServerFixture>, IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 10, 15, 30, 123, TimeSpan.Zero);
    private readonly RedisServerFixture redis;
    private readonly string directory = Directory.CreateTempSubdirectory("xwh-watermark-").FullName;

    public WatermarkStoreTests(RedisServerFixture redis) => this.redis = redis;

    private string DatabasePath => Path.Combine(directory, "inbox.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task In_memory_round_trip_and_never_backwards()
    {
        var store = new InMemoryDeliveryWatermark();
        await AssertContractAsync(store);
    }

    [Fact]
    public async Task Sqlite_round_trip_survives_reopening_the_file()
    {
        await using (var inbox = new SqliteWebhookInbox(new XWebhooksSqliteOptions { Path = DatabasePath }))
        {
            await AssertContractAsync(new SqliteDeliveryWatermark(inbox));
        }

        await using var reopened = new SqliteWebhookInbox(new XWebhooksSqliteOptions { Path = DatabasePath });
        Assert.Equal(T0.AddMinutes(5), await new SqliteDeliveryWatermark(reopened).GetLastReceivedAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Sqlite_file_of_schema_version_1_is_upgraded_and_keeps_its_deliveries()
    {
        // A file as XWebhooks.Sqlite 0.1 (schema 1) left it, with one pending delivery.
        await using (var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE xwh_schema (version INTEGER NOT NULL);
                CREATE TABLE xwh_inbox (id INTEGER PRIMARY KEY AUTOINCREMENT, body BLOB NOT NULL, received_at INTEGER NOT NULL,
                    attempt INTEGER NOT NULL DEFAULT 1, due_at INTEGER NOT NULL, lease_token TEXT NULL, lease_until INTEGER NULL, last_error TEXT NULL);
                CREATE TABLE xwh_dead_letters (id INTEGER PRIMARY KEY AUTOINCREMENT, inbox_id INTEGER NOT NULL, body BLOB NOT NULL,
                    received_at INTEGER NOT NULL, attempts INTEGER NOT NULL, error TEXT NOT NULL, dead_lettered_at INTEGER NOT NULL);
                CREATE TABLE xwh_dedupe (key TEXT NOT NULL PRIMARY KEY, expires_at INTEGER NOT NULL) WITHOUT ROWID;
                INSERT INTO xwh_schema (version) VALUES (1);
                INSERT INTO xwh_inbox (body, received_at, due_at) VALUES (x'7b7d', 1, 1);
                """;
            await command.ExecuteNonQueryAsync();
        }

        await using var inbox = new SqliteWebhookInbox(new XWebhooksSqliteOptions { Path = DatabasePath });
        var watermark = new SqliteDeliveryWatermark(inbox);
        Assert.Null(await watermark.GetLastReceivedAsync(CancellationToken.None));
        await watermark.RecordReceivedAsync(T0, CancellationToken.None);
        Assert.Equal(T0, await watermark.GetLastReceivedAsync(CancellationToken.None));
        Assert.Equal(1, (await inbox.GetStatsAsync(CancellationToken.None)).Depth);
    }

    [SkippableFact]
    public async Task Redis_round_trip_shared_by_instances()
    {
        redis.EnsureAvailable();
        var prefix = $"wm-{Guid.NewGuid():N}:";
        await using var first = new RedisWebhookInbox(new XWebhooksRedisOptions { Configuration = redis.Configuration, KeyPrefix = prefix });
        await AssertContractAsync(new RedisDeliveryWatermark(first));

        await using var second = new RedisWebhookInbox(new XWebhooksRedisOptions { Configuration = redis.Configuration, KeyPrefix = prefix, ConsumerName = "other" });
        Assert.Equal(T0.AddMinutes(5), await new RedisDeliveryWatermark(second).GetLastReceivedAsync(CancellationToken.None));
    }

    private static async Task AssertContractAsync(IXDeliveryWatermark store)
    {
        var ct = CancellationToken.None;
        Assert.Null(await store.GetLastReceivedAsync(ct));

        await store.RecordReceivedAsync(T0, ct);
        Assert.Equal(T0, await store.GetLastReceivedAsync(ct));

        await store.RecordReceivedAsync(T0.AddMinutes(5), ct);
        await store.RecordReceivedAsync(T0.AddMinutes(1), ct); // an instance flushing late
        Assert.Equal(T0.AddMinutes(5), await store.GetLastReceivedAsync(ct));
    }
}
