using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace XWebhooks.Inbox.Tests;

/// <summary>
/// A throw-away <c>redis-server</c> on 127.0.0.1 and a free port, without persistence, in a temp directory; one
/// per test class, killed at the end. When redis-server is not installed the tests skip, except on CI.
/// </summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    private Process? server;
    private string? directory;

    /// <summary>StackExchange.Redis connection string of the server.</summary>
    public string Configuration { get; private set; } = "";

    private string? MissingReason { get; set; }

    /// <summary>Skips the calling test when redis-server is missing, or fails it when <c>CI=true</c>.</summary>
    public void EnsureAvailable()
    {
        if (MissingReason is null)
        {
            return;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException("redis-server not found; .ci/run must apt-get install redis-server");
        }

        Skip.If(true, MissingReason);
    }

    public async Task InitializeAsync()
    {
        var executable = FindOnPath("redis-server");
        if (executable is null)
        {
            MissingReason = "redis-server not found on PATH; install it (apt-get install redis-server) to run the Redis inbox tests";
            return;
        }

        this.directory = Directory.CreateTempSubdirectory("xwh-redis-").FullName;
        var port = FreePort();
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = this.directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--port", port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", this.directory })
        {
            start.ArgumentList.Add(argument);
        }

        server = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start");
        server.OutputDataReceived += static (_, _) => { };
        server.ErrorDataReceived += static (_, _) => { };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        Configuration = $"127.0.0.1:{port}";

        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await using var probe = await ConnectionMultiplexer.ConnectAsync(Configuration + ",connectTimeout=500");
                await probe.GetDatabase().PingAsync();
                return;
            }
            catch (RedisConnectionException) when (stopwatch.Elapsed < TimeSpan.FromSeconds(20) && !server.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    public async Task DisposeAsync()
    {
        if (this.server is { } server)
        {
            if (!server.HasExited)
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync();
            }

            server.Dispose();
        }

        if (this.directory is not null)
        {
            Directory.Delete(this.directory, recursive: true);
        }
    }

    private static string? FindOnPath(string name)
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
