using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using XWebhooks.TestSupport;

namespace XWebhooks.Inbox.Tests;

/// <summary>
/// The start-up warning for an inbox file under a directory that configuration watches, checked against the real
/// generic host's defaults (appsettings.json in the content root, reloadOnChange unless turned off).
/// </summary>
public sealed class SqliteWatchedDirectoryCheckTests : IDisposable
{
    private const int WatchedDirectoryEventId = 106;
    private readonly string contentRoot = Directory.CreateTempSubdirectory("xwh-root-").FullName;

    // Same prefix as the content root, not below it: a plain string prefix test would call it inside.
    private string Sibling => contentRoot + "-other";

    public void Dispose()
    {
        Directory.Delete(contentRoot, recursive: true);
        if (Directory.Exists(Sibling))
        {
            Directory.Delete(Sibling, recursive: true);
        }
    }

    [Fact]
    public async Task An_inbox_below_the_watched_content_root_is_warned_about_naming_both_paths()
    {
        var inboxPath = Path.Combine(contentRoot, "data", "inbox.db");
        Directory.CreateDirectory(Path.GetDirectoryName(inboxPath)!);

        var warnings = await StartAndCollectAsync(inboxPath, reloadConfigOnChange: null);

        var warning = Assert.Single(warnings);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains(inboxPath, warning.Message, StringComparison.Ordinal);
        Assert.Contains(contentRoot, warning.Message, StringComparison.Ordinal);
        Assert.Contains("XWebhooks:Inbox:Path", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_inbox_outside_the_content_root_is_not_warned_about()
    {
        Directory.CreateDirectory(Sibling);

        Assert.Empty(await StartAndCollectAsync(Path.Combine(Sibling, "inbox.db"), reloadConfigOnChange: null));
    }

    [Fact]
    public async Task An_inbox_in_the_content_root_is_not_warned_about_when_configuration_does_not_reload()
    {
        Assert.Empty(await StartAndCollectAsync(Path.Combine(contentRoot, "inbox.db"), reloadConfigOnChange: false));
    }

    private async Task<List<LogEntry>> StartAndCollectAsync(string inboxPath, bool? reloadConfigOnChange)
    {
        // As an app turns it off: DOTNET_hostBuilder__reloadConfigOnChange=false, or this on the command line.
        var settings = new HostApplicationBuilderSettings
        {
            ContentRootPath = contentRoot,
            Args = reloadConfigOnChange is { } reload ? [$"--hostBuilder:reloadConfigOnChange={reload}"] : [],
        };

        var builder = Host.CreateApplicationBuilder(settings);
        var logs = new LogCollector();
        builder.Logging.ClearProviders().AddProvider(logs);
        builder.Services.AddXWebhooks(o => o.ConsumerSecret = "secret").AddSqliteInbox(o => o.Path = inboxPath);

        using (var host = builder.Build())
        {
            await host.StartAsync();
            await host.StopAsync();
        }

        return [.. logs.Entries.Where(entry => entry.EventId.Id == WatchedDirectoryEventId)];
    }
}
