using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using XWebhooks.Redis;
using XWebhooks.Sqlite;

namespace XWebhooks.Inbox.Tests;

/// <summary>The worker's and the stores' options come from <c>XWebhooks:Inbox</c>, every key, through the binder generator.</summary>
public sealed class InboxConfigurationTests
{
    private static readonly Dictionary<string, string?> EveryWorkerKey = new()
    {
        ["XWebhooks:Inbox:MaxAttempts"] = "3",
        ["XWebhooks:Inbox:InitialRetryDelay"] = "00:00:02",
        ["XWebhooks:Inbox:MaxRetryDelay"] = "00:10:00",
        ["XWebhooks:Inbox:LeaseDuration"] = "00:05:00",
        ["XWebhooks:Inbox:HandlerTimeout"] = "00:00:30",
        ["XWebhooks:Inbox:MaxConcurrency"] = "4",
        ["XWebhooks:Inbox:PollInterval"] = "00:00:00.250",
    };

    private static ServiceProvider SqliteFrom(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddXWebhooks(o => o.ConsumerSecret = "secret").AddSqliteInbox(configuration.GetSection("XWebhooks:Inbox"));
        return services.BuildServiceProvider();
    }

    [Fact]
    public void Every_worker_key_and_the_sqlite_keys_are_bound()
    {
        using var provider = SqliteFrom(new(EveryWorkerKey) { ["XWebhooks:Inbox:Path"] = "configured.db", ["XWebhooks:Inbox:Durability"] = "Process" });

        var worker = provider.GetRequiredService<IOptions<XWebhooksInboxOptions>>().Value;

        Assert.Equal(3, worker.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(2), worker.InitialRetryDelay);
        Assert.Equal(TimeSpan.FromMinutes(10), worker.MaxRetryDelay);
        Assert.Equal(TimeSpan.FromMinutes(5), worker.LeaseDuration);
        Assert.Equal(TimeSpan.FromSeconds(30), worker.HandlerTimeout);
        Assert.Equal(4, worker.MaxConcurrency);
        Assert.Equal(TimeSpan.FromMilliseconds(250), worker.PollInterval);
        var sqlite = provider.GetRequiredService<IOptions<XWebhooksSqliteOptions>>().Value;
        Assert.Equal(("configured.db", XWebhooksSqliteDurability.Process), (sqlite.Path, sqlite.Durability));

        // Attempts the process did not survive count against the worker's limit.
        Assert.Equal(3, provider.GetRequiredService<SqliteWebhookInbox>().Queue.MaxAttempts);
    }

    [Fact]
    public void An_unknown_sqlite_durability_names_its_full_key()
    {
        using var provider = SqliteFrom(new() { ["XWebhooks:Inbox:Durability"] = "Sometimes" });

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IOptions<XWebhooksSqliteOptions>>().Value);

        Assert.Contains("'XWebhooks:Inbox:Durability'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_worker_key_and_the_redis_keys_are_bound()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>(EveryWorkerKey)
        {
            ["XWebhooks:Inbox:Configuration"] = "127.0.0.1:1",
            ["XWebhooks:Inbox:KeyPrefix"] = "app1:",
            ["XWebhooks:Inbox:ConsumerName"] = "worker-7",
        }).Build();
        var services = new ServiceCollection();
        services.AddXWebhooks(o => o.ConsumerSecret = "secret").AddRedisInbox(configuration.GetSection("XWebhooks:Inbox"));
        using var provider = services.BuildServiceProvider();

        var worker = provider.GetRequiredService<IOptions<XWebhooksInboxOptions>>().Value;
        var redis = provider.GetRequiredService<IOptions<XWebhooksRedisOptions>>().Value;

        Assert.Equal((3, 4, TimeSpan.FromSeconds(30)), (worker.MaxAttempts, worker.MaxConcurrency, worker.HandlerTimeout));
        Assert.Equal(("127.0.0.1:1", "app1:", "worker-7"), (redis.Configuration, redis.KeyPrefix, redis.ConsumerName));
    }

    [Theory]
    [InlineData("XWebhooks:Inbox:MaxAttempts", "many")]
    [InlineData("XWebhooks:Inbox:MaxConcurrency", "1.5")]
    [InlineData("XWebhooks:Inbox:InitialRetryDelay", "1s")]
    [InlineData("XWebhooks:Inbox:MaxRetryDelay", "5 minutes")]
    [InlineData("XWebhooks:Inbox:LeaseDuration", "two")]
    [InlineData("XWebhooks:Inbox:HandlerTimeout", "1m")]
    [InlineData("XWebhooks:Inbox:PollInterval", "fast")]
    public void A_value_that_does_not_convert_names_its_full_key(string key, string value)
    {
        using var provider = SqliteFrom(new() { [key] = value });

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IOptions<XWebhooksInboxOptions>>().Value);

        Assert.Contains($"'{key}'", error.Message, StringComparison.Ordinal);
    }

    /// <summary>What the host runs first when it starts: the validation of every options type registered with ValidateOnStart.</summary>
    private static IEnumerable<string> StartFailures(ServiceProvider provider) =>
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate()).Failures;

    [Theory]
    [InlineData("XWebhooks:Inbox:MaxAttempts", "0", "XWebhooks:Inbox:MaxAttempts must be at least 1; it is 0.")]
    [InlineData("XWebhooks:Inbox:MaxConcurrency", "-1", "XWebhooks:Inbox:MaxConcurrency must be at least 1; it is -1.")]
    [InlineData("XWebhooks:Inbox:InitialRetryDelay", "00:00:00", "XWebhooks:Inbox:InitialRetryDelay must be more than 00:00:00; it is 00:00:00.")]
    [InlineData("XWebhooks:Inbox:HandlerTimeout", "-00:00:01", "XWebhooks:Inbox:HandlerTimeout must be more than 00:00:00; it is -00:00:01.")]
    [InlineData("XWebhooks:Inbox:PollInterval", "00:00:00", "XWebhooks:Inbox:PollInterval must be more than 00:00:00; it is 00:00:00.")]
    [InlineData("XWebhooks:Inbox:InitialRetryDelay", "00:05:00.001", "XWebhooks:Inbox:InitialRetryDelay must be at most XWebhooks:Inbox:MaxRetryDelay (00:05:00); it is 00:05:00.0010000.")]
    [InlineData("XWebhooks:Inbox:HandlerTimeout", "00:02:00", "XWebhooks:Inbox:HandlerTimeout must be below XWebhooks:Inbox:LeaseDuration (00:02:00); it is 00:02:00. Otherwise a slow delivery's lease runs out and another worker processes it a second time.")]
    [InlineData("XWebhooks:Inbox:Path", " ", "XWebhooks:Inbox:Path must be set; it is blank. Name the SQLite file (default xwebhooks.db).")]
    [InlineData("XWebhooks:Inbox:Durability", "7", "XWebhooks:Inbox:Durability must be Fsync or Process; it is 7.")]
    public void Every_worker_and_sqlite_rule_fails_at_start_naming_its_key(string key, string value, string expected)
    {
        using var provider = SqliteFrom(new() { [key] = value });

        Assert.Equal([expected], StartFailures(provider));
    }

    [Fact]
    public void Every_redis_rule_fails_at_start_naming_its_key()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["XWebhooks:Inbox:Configuration"] = "127.0.0.1:1",
            ["XWebhooks:Inbox:ConsumerName"] = "",
        }).Build();
        var services = new ServiceCollection();
        services.AddXWebhooks(o => o.ConsumerSecret = "secret").AddRedisInbox(configuration.GetSection("XWebhooks:Inbox"));
        using var provider = services.BuildServiceProvider();

        Assert.Equal(
            ["XWebhooks:Inbox:ConsumerName must be set; it is not set. Name this instance in the consumer group (default machine name and process id); it must differ between live instances."],
            StartFailures(provider));
    }

    [Fact]
    public void A_blank_sqlite_path_is_refused_naming_its_key()
    {
        using var provider = SqliteFrom(new() { ["XWebhooks:Inbox:Path"] = "" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<XWebhooksSqliteOptions>>().Value);

        Assert.Contains("XWebhooks:Inbox:Path must be set; it is not set. Name the SQLite file (default xwebhooks.db).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_blank_redis_consumer_name_is_refused_naming_its_key()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["XWebhooks:Inbox:Configuration"] = "127.0.0.1:1",
            ["XWebhooks:Inbox:ConsumerName"] = " ",
        }).Build();
        var services = new ServiceCollection();
        services.AddXWebhooks(o => o.ConsumerSecret = "secret").AddRedisInbox(configuration.GetSection("XWebhooks:Inbox"));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<XWebhooksRedisOptions>>().Value);

        Assert.Contains("XWebhooks:Inbox:ConsumerName must be set; it is blank. Name this instance in the consumer group (default machine name and process id); it must differ between live instances.", error.Message, StringComparison.Ordinal);
    }
}
