using Microsoft.Data.Sqlite;

namespace XWebhooks.Sqlite;

/// <summary>Creates and versions the inbox tables. Every table is prefixed <c>xwh_</c> so the file can be shared.</summary>
internal static class SqliteSchema
{
    public const int CurrentVersion = 5;

    private const string Version1 = """
        CREATE TABLE xwh_inbox (
            id           INTEGER PRIMARY KEY AUTOINCREMENT,
            body         BLOB    NOT NULL,
            received_at  INTEGER NOT NULL,
            attempt      INTEGER NOT NULL DEFAULT 1,
            due_at       INTEGER NOT NULL,
            lease_token  TEXT    NULL,
            lease_until  INTEGER NULL,
            last_error   TEXT    NULL
        );
        CREATE TABLE xwh_dead_letters (
            id               INTEGER PRIMARY KEY AUTOINCREMENT,
            inbox_id         INTEGER NOT NULL,
            body             BLOB    NOT NULL,
            received_at      INTEGER NOT NULL,
            attempts         INTEGER NOT NULL,
            error            TEXT    NOT NULL,
            dead_lettered_at INTEGER NOT NULL
        );
        CREATE TABLE xwh_dedupe (
            key        TEXT    NOT NULL PRIMARY KEY,
            expires_at INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX xwh_dedupe_expires_at ON xwh_dedupe (expires_at);
        """;

    // Bodies live apart from the entry rows: leases, retries and completes rewrite a whole row, and with the body
    // inline every lease rewrote kilobytes of overflow pages into the WAL (and the checkpoint copied them again).
    private const string Version2 = """
        CREATE TABLE xwh_inbox_body (
            id   INTEGER PRIMARY KEY,
            body BLOB    NOT NULL
        );
        INSERT INTO xwh_inbox_body (id, body) SELECT id, body FROM xwh_inbox;
        ALTER TABLE xwh_inbox DROP COLUMN body;
        """;

    // Version 3: the delivery watermark (one row per name; the runtime uses "default").
    private const string Version3 = """
        CREATE TABLE xwh_watermark (
            name        TEXT    NOT NULL PRIMARY KEY,
            received_at INTEGER NOT NULL
        ) WITHOUT ROWID;
        """;

    // Version 4: the W3C traceparent of the delivery's span, so processing attempts link back to it (NULL when untraced).
    private const string Version4 = """
        ALTER TABLE xwh_inbox ADD COLUMN trace_parent TEXT NULL;
        """;

    // Version 5: leases live in the owning process's memory. lease_until becomes attempt_started (NULL until an
    // attempt starts, so the next lease after a crash or an expired lease counts another attempt); the token goes.
    // The event index the ack path built travels with the body. A body goes with its entry row, so removing an entry
    // is one statement (atomic without a savepoint of its own).
    private const string Version5 = """
        ALTER TABLE xwh_inbox RENAME COLUMN lease_until TO attempt_started;
        UPDATE xwh_inbox SET attempt_started = 1 WHERE attempt_started IS NOT NULL;
        ALTER TABLE xwh_inbox DROP COLUMN lease_token;
        ALTER TABLE xwh_inbox_body ADD COLUMN event_index BLOB NULL;
        CREATE TRIGGER xwh_inbox_body_goes_with_its_entry AFTER DELETE ON xwh_inbox
        BEGIN
            DELETE FROM xwh_inbox_body WHERE id = old.id;
        END;
        """;

    /// <summary>Creates the schema in <paramref name="transaction"/> when the file is new, upgrades an older one; refuses a newer schema.</summary>
    public static void Ensure(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "CREATE TABLE IF NOT EXISTS xwh_schema (version INTEGER NOT NULL); SELECT MAX(version) FROM xwh_schema;";
        var existing = command.ExecuteScalar() is long v ? (int)v : 0;

        if (existing > CurrentVersion)
        {
            throw new InvalidOperationException(
                $"The inbox database '{connection.DataSource}' has schema version {existing}, created by a newer XWebhooks.Sqlite; this version understands up to {CurrentVersion}.");
        }

        if (existing < 1)
        {
            command.CommandText = Version1 + "INSERT INTO xwh_schema (version) VALUES (1);";
            command.ExecuteNonQuery();
        }

        if (existing < 2)
        {
            command.CommandText = Version2 + "INSERT INTO xwh_schema (version) VALUES (2);";
            command.ExecuteNonQuery();
        }

        if (existing < 3)
        {
            command.CommandText = Version3 + "INSERT INTO xwh_schema (version) VALUES (3);";
            command.ExecuteNonQuery();
        }

        if (existing < 4)
        {
            command.CommandText = Version4 + "INSERT INTO xwh_schema (version) VALUES (4);";
            command.ExecuteNonQuery();
        }

        if (existing < 5)
        {
            command.CommandText = Version5 + "INSERT INTO xwh_schema (version) VALUES (5);";
            command.ExecuteNonQuery();
        }
    }
}
