using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using XWebhooks.Delivery;
using XWebhooks.Redis;
using XWebhooks.Sqlite;

namespace XWebhooks.Inbox.Tests;

public sealed class RegistrationTests
{
    [Fact]
    public async Task Sqlite_inbox_is_one_singleton_for_inbox_and_dedupe_bound_from_configuration()
    {
        var directory = Directory.CreateTempSubdirectory("xwh-reg-").FullName;
        try
        {
            var path = Path.Combine(directory, "configured.db");
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["XWebhooks:Inbox:Path"] = path })
                .Build();
            var services = new ServiceCollection();
            services.AddXWebhooks(o => o.ConsumerSecret = "secret").AddSqliteInbox(configuration.GetSection(XWebhooksSqliteOptions.SectionName));

            await using (var provider = services.BuildServiceProvider())
            {
                var inbox = provider.GetRequiredService<IXWebhookInbox>();
                Assert.IsType<SqliteWebhookInbox>(inbox);
                Assert.Same(inbox, provider.GetRequiredService<IXWebhookDedupe>());
                await inbox.AppendAsync(new byte[] { 1 }, DateTimeOffset.UtcNow, CancellationToken.None);
            }

            Assert.True(File.Exists(path));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Sqlite_inbox_options_can_be_set_in_code()
    {
        var services = new ServiceCollection();
        services.AddXWebhooks(o => o.ConsumerSecret = "secret").AddSqliteInbox(o => o.Path = "in-code.db");
        using var provider = services.BuildServiceProvider();
        Assert.Equal("in-code.db", provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<XWebhooksSqliteOptions>>().Value.Path);
    }

    [Fact]
    public async Task Redis_inbox_is_one_singleton_for_inbox_and_dedupe_bound_from_configuration()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["XWebhooks:Inbox:Configuration"] = "127.0.0.1:1",
                ["XWebhooks:Inbox:KeyPrefix"] = "app1:",
                ["XWebhooks:Inbox:ConsumerName"] = "worker-7",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddXWebhooks(o => o.ConsumerSecret = "secret").AddRedisInbox(configuration.GetSection(XWebhooksRedisOptions.SectionName));
        await using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<XWebhooksRedisOptions>>().Value;
        Assert.Equal(("127.0.0.1:1", "app1:", "worker-7"), (options.Configuration, options.KeyPrefix, options.ConsumerName));
        var inbox = provider.GetRequiredService<IXWebhookInbox>();
        Assert.IsType<RedisWebhookInbox>(inbox);
        Assert.Same(inbox, provider.GetRequiredService<IXWebhookDedupe>());
    }

    [Fact]
    public void Redis_inbox_without_a_connection_fails_clearly()
    {
        var services = new ServiceCollection();
        services.AddXWebhooks(o => o.ConsumerSecret = "secret").AddRedisInbox();
        using var provider = services.BuildServiceProvider();
        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IXWebhookInbox>());
        Assert.Contains("XWebhooks:Inbox:Configuration", error.Message);
    }
}
