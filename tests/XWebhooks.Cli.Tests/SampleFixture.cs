using XWebhooks.EndToEnd.Tests.Crash;

namespace XWebhooks.Cli.Tests;

/// <summary>The real sample receiver as a child process on 127.0.0.1 (inline inbox), recording handled events to a temp file.</summary>
public sealed class SampleFixture : IAsyncLifetime
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "xwebhooks-cli-tests-" + Guid.NewGuid().ToString("N"));
    private SampleProcess? sample;

    public const string Secret = SampleProcess.Secret;

    public Uri Url => sample?.Url ?? throw new InvalidOperationException("not started");

    public string EventsFile => Path.Combine(directory, "events.jsonl");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(directory);
        sample = await SampleProcess.StartAsync(SampleProcess.FreePort(), directory, new Dictionary<string, string>
        {
            ["XWebhooks__Inbox__Mode"] = "Inline",
            ["Sample__EventsFile"] = EventsFile,
            ["XWebhooks__ConsumerSecret"] = Secret,
            ["Logging__LogLevel__XWebhooks.Sample.Handlers.EventJournal"] = "Information",  // the event=… id=… lines
        });
    }

    /// <summary>The first line of the sample's console log that contains <paramref name="text"/>, waiting up to 10 s for it.</summary>
    public Task<string> LoggedLineAsync(string text) =>
        Poll.ValueAsync(() => sample!.OutputLines.FirstOrDefault(line => line.Contains(text, StringComparison.Ordinal)), $"the sample printed '{text}'", TimeSpan.FromSeconds(10));

    /// <summary>The <c>type</c> of every line in the events file so far.</summary>
    public IReadOnlyList<string> EventTypes() => [.. Events().Select(line => line.Type)];

    /// <summary>Every line in the events file so far.</summary>
    public IReadOnlyList<(string Type, string? Id)> Events() => SampleEventsFile.Read(EventsFile);

    public Task DisposeAsync()
    {
        sample?.Dispose();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }

        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class SampleCollection : ICollectionFixture<SampleFixture>
{
    public const string Name = "sample";
}
