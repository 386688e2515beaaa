using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace XWebhooks.Sqlite;

/// <summary>
/// Open read connections with their prepared statements, kept between calls: opening a connection and preparing a
/// statement cost more than the point lookups the hot reads are (a dedupe check). Readers never wait for the writer (WAL).
/// </summary>
internal sealed class SqliteReaderPool(string connectionString) : IDisposable
{
    private const int MaxIdle = 8;
    private readonly ConcurrentQueue<Reader> idle = new();
    private int disposed;

    /// <summary>Runs <paramref name="read"/> on an idle reader (or a new one) and returns the reader to the pool.</summary>
    public T Read<T>(Func<Reader, T> read)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        if (!idle.TryDequeue(out var reader))
        {
            reader = new Reader(connectionString);
        }

        try
        {
            var result = read(reader);
            if (idle.Count < MaxIdle && Volatile.Read(ref disposed) == 0)
            {
                idle.Enqueue(reader);
                reader = null;
            }

            return result;
        }
        finally
        {
            reader?.Dispose();
        }
    }

    public void Dispose()
    {
        Interlocked.Exchange(ref disposed, 1);
        while (idle.TryDequeue(out var reader))
        {
            reader.Dispose();
        }
    }

    /// <summary>One read connection and its statements, used by one caller at a time.</summary>
    internal sealed class Reader : IDisposable
    {
        private readonly SqliteConnection connection;
        private readonly Dictionary<string, SqliteCommand> commands = new(StringComparer.Ordinal);

        public Reader(string connectionString)
        {
            connection = new SqliteConnection(connectionString);
            connection.Open();
        }

        /// <summary>The prepared command for <paramref name="sql"/>, parameters cleared. Owned by the reader.</summary>
        public SqliteCommand Command(string sql)
        {
            if (!commands.TryGetValue(sql, out var command))
            {
                command = connection.CreateCommand();
                command.CommandText = sql;
                commands.Add(sql, command);
            }

            command.Parameters.Clear();
            return command;
        }

        public void Dispose()
        {
            foreach (var command in commands.Values)
            {
                command.Dispose();
            }

            connection.Dispose();
        }
    }
}
