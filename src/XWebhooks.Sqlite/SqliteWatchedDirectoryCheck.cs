using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace XWebhooks.Sqlite;

/// <summary>
/// Warns at start when the inbox file lies in a directory tree that configuration watches for changes
/// (<c>reloadOnChange</c>, on for <c>appsettings.json</c> by default in the content root): that watcher recursively
/// watches its whole root, so every write to the inbox's WAL wakes it, for nothing.
/// </summary>
/// <remarks>See docs/reliability.md ("Keep the inbox out of watched directories") for what that costs.</remarks>
internal sealed partial class SqliteWatchedDirectoryCheck(
    IOptions<XWebhooksSqliteOptions> options,
    ILogger<SqliteWatchedDirectoryCheck> logger,
    IConfiguration? configuration = null) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var inboxPath = Path.GetFullPath(options.Value.Path);
        if (WatchedRoot(configuration, inboxPath) is { } root)
        {
            WatchedDirectory(logger, inboxPath, root);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// The root of a file configuration source that reloads on change, watches without polling and holds
    /// <paramref name="inboxPath"/> somewhere below it; null when there is none.
    /// </summary>
    private static string? WatchedRoot(IConfiguration? configuration, string inboxPath)
    {
        if (configuration is not IConfigurationRoot root)
        {
            return null;
        }

        foreach (var provider in root.Providers)
        {
            if (provider is FileConfigurationProvider { Source: { ReloadOnChange: true, FileProvider: PhysicalFileProvider { UsePollingFileWatcher: false } files } }
                && IsBelow(inboxPath, files.Root))
            {
                return files.Root;
            }
        }

        return null;
    }

    private static bool IsBelow(string path, string directory)
    {
        var prefix = Path.EndsInDirectorySeparator(directory) ? directory : directory + Path.DirectorySeparatorChar;
        var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        return path.StartsWith(prefix, comparison);
    }

    [LoggerMessage(106, LogLevel.Warning, "The inbox file {InboxPath} is inside {WatchedRoot}, which configuration watches for changes (reloadOnChange): every write to the inbox wakes that file watcher, costing CPU on each delivery. Set XWebhooks:Inbox:Path to a directory outside it (for example /var/lib/<app>/xwebhooks.db), or turn reloading off (DOTNET_hostBuilder__reloadConfigOnChange=false)")]
    private static partial void WatchedDirectory(ILogger logger, string inboxPath, string watchedRoot);
}
