using XWebhooks.Recovery;

namespace XWebhooks.Sqlite;

/// <summary>
/// The delivery watermark in the inbox's SQLite file: one row of table <c>xwh_watermark</c>.
/// </summary>
/// <remarks>
/// Writes go through the inbox's writer and share its group commits without waiting for an fsync; the runtime writes
/// at most once every few seconds and on shutdown. Under <see cref="XWebhooksSqliteDurability.Process"/> the stored time
/// never passes an acknowledged append that has not reached the disk yet, so a replay from it covers what power loss
/// can take.
/// </remarks>
public sealed class SqliteDeliveryWatermark : IXDeliveryWatermark
{
    private const string Name = "default";
    private readonly SqliteEngine engine;

    /// <summary>Uses the file, writer and schema of <paramref name="inbox"/>.</summary>
    public SqliteDeliveryWatermark(SqliteWebhookInbox inbox)
    {
        ArgumentNullException.ThrowIfNull(inbox);
        engine = inbox.Engine;
    }

    /// <inheritdoc />
    public async ValueTask<DateTimeOffset?> GetLastReceivedAsync(CancellationToken cancellationToken)
    {
        await engine.EnsureStartedAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return engine.Readers.Read(reader =>
        {
            var command = reader.Command("SELECT received_at FROM xwh_watermark WHERE name = $name;");
            command.Parameters.AddWithValue("$name", Name);
            return command.ExecuteScalar() is long ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : (DateTimeOffset?)null;
        });
    }

    /// <inheritdoc />
    public async ValueTask RecordReceivedAsync(DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var ms = receivedAt.ToUnixTimeMilliseconds();
        if (engine.Unsynced.OldestReceivedAtMs is { } oldestNotOnDisk)
        {
            ms = Math.Min(ms, oldestNotOnDisk - 1);
        }

        await engine.ExecuteAsync(tx =>
        {
            var command = engine.Command(tx, """
                INSERT INTO xwh_watermark (name, received_at) VALUES ($name, $at)
                ON CONFLICT (name) DO UPDATE SET received_at = MAX(received_at, excluded.received_at);
                """);
            command.Parameters.AddWithValue("$name", Name);
            command.Parameters.AddWithValue("$at", ms);
            return command.ExecuteNonQuery();
        }, cancellationToken).ConfigureAwait(false);
    }
}
