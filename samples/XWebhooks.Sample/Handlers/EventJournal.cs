using System.Text.Json;

namespace XWebhooks.Sample.Handlers;

/// <summary>
/// The sample's stand-in for real work: logs each handled event and appends it as one JSON line to the file
/// named by <c>Sample:EventsFile</c> (when set), flushed per event so a killed process keeps what it wrote.
/// </summary>
public sealed partial class EventJournal : IDisposable
{
    private readonly ILogger<EventJournal> logger;
    private readonly FileStream? file;
    private readonly SemaphoreSlim gate = new(1, 1);

    public EventJournal(IConfiguration configuration, ILogger<EventJournal> logger)
    {
        this.logger = logger;
        if (configuration["Sample:EventsFile"] is { Length: > 0 } path)
        {
            file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        }
    }

    public async ValueTask RecordAsync(string type, string? id, CancellationToken cancellationToken)
    {
        LogEvent(logger, type, id);
        if (file is null)
        {
            return;
        }

        var line = Line(type, id);
        await gate.WaitAsync(cancellationToken);
        try
        {
            await file.WriteAsync(line, cancellationToken);
            await file.FlushAsync(cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose()
    {
        file?.Dispose();
        gate.Dispose();
    }

    private static byte[] Line(string type, string? id)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", type);
            writer.WriteString("id", id);
            writer.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    [LoggerMessage(1, LogLevel.Information, "event={EventType} id={EventId}")]
    private static partial void LogEvent(ILogger logger, string eventType, string? eventId);
}
