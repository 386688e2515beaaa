using XWebhooks.Recovery;

namespace XWebhooks.Sqlite;

/// <summary>
/// The delivery watermark in the inbox's SQLite file: one row of table <c>xwh_watermark</c>.
/// </summary>
/// <remarks>
/// Writes go through the inbox's single writer and share its group commit with appends, so a watermark write
/// never costs a commit of its own while deliveries arrive. The runtime writes it at most once every few seconds
/// and on shutdown (never per delivery), so the store adds no fsync to the delivery path.
/// </remarks>
public sealed class SqliteDeliveryWatermark : IXDeliveryWatermark
{
    private const string Name = "default";
    private readonly SqliteWebhookInbox inbox;

    /// <summary>Uses the file, writer and schema of <paramref name="inbox"/>.</summary>
    public SqliteDeliveryWatermark(SqliteWebhookInbox inbox)
    {
        ArgumentNullException.ThrowIfNull(inbox);
        this.inbox = inbox;
    }

    /// <inheritdoc />
    public async ValueTask<DateTimeOffset?> GetLastReceivedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await inbox.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT received_at FROM xwh_watermark WHERE name = $name;";
        command.Parameters.AddWithValue("$name", Name);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long ms
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;
    }

    /// <inheritdoc />
    public async ValueTask RecordReceivedAsync(DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var ms = receivedAt.ToUnixTimeMilliseconds();
        await inbox.ExecuteAsync(tx =>
        {
            var command = inbox.Command(tx, """
                INSERT INTO xwh_watermark (name, received_at) VALUES ($name, $at)
                ON CONFLICT (name) DO UPDATE SET received_at = MAX(received_at, excluded.received_at);
                """);
            command.Parameters.AddWithValue("$name", Name);
            command.Parameters.AddWithValue("$at", ms);
            return command.ExecuteNonQuery();
        }, cancellationToken).ConfigureAwait(false);
    }
}
