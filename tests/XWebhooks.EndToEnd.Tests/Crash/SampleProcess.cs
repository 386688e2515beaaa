using System.Diagnostics;
using System.Net.Sockets;
using XWebhooks.Testing;

namespace XWebhooks.EndToEnd.Tests.Crash;

/// <summary>The sample receiver as a real child process (<c>dotnet XWebhooks.Sample.dll</c>), killable with SIGKILL.</summary>
internal sealed class SampleProcess : IDisposable
{
    public const string Secret = "crash-test-secret";

    private readonly Process process;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> output = new();
    private bool disposed;

    private SampleProcess(Process process, Uri url)
    {
        this.process = process;
        Url = url;
    }

    public Uri Url { get; }

    /// <summary>The sample's standard output so far, line by line (its console log).</summary>
    public IReadOnlyList<string> OutputLines => [.. output];

    public static string SampleDll
    {
        get
        {
            // tests/XWebhooks.EndToEnd.Tests/bin/<Configuration>/net10.0/ → samples/XWebhooks.Sample/bin/<Configuration>/net10.0/
            var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var configuration = output.Parent!.Name;
            var root = output.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
            return Path.Combine(root, "samples", "XWebhooks.Sample", "bin", configuration, "net10.0", "XWebhooks.Sample.dll");
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts the sample and waits until it answers a CRC.</summary>
    public static async Task<SampleProcess> StartAsync(int port, string workingDirectory, IReadOnlyDictionary<string, string> settings)
    {
        var start = new ProcessStartInfo("dotnet", [SampleDll])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["XWebhooks__ConsumerSecret"] = Secret;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the sample");
        var sample = new SampleProcess(process, new Uri($"http://127.0.0.1:{port}/webhooks/x"));
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is { } text)
            {
                sample.output.Enqueue(text);
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var client = new HttpClient();
        for (var i = 0; i < 600; i++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the sample exited with code {process.ExitCode} (is it built? {SampleDll})");
            }

            try
            {
                using var response = await client.SendAsync(XWebhookTestKit.CreateCrcRequest(sample.Url, "ready"));
                if (response.IsSuccessStatusCode)
                {
                    return sample;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(50);
        }

        sample.Dispose();
        throw new TimeoutException("the sample did not answer a CRC within 30 s");
    }

    /// <summary>SIGKILL: no shutdown hooks, no flush, like a crash or an OOM kill.</summary>
    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        if (!process.HasExited)
        {
            Kill();
        }

        process.Dispose();
    }
}
