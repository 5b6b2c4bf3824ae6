using Microsoft.Data.Sqlite;

namespace ClinicPortal.Benchmarks;

/// <summary>
/// The raw limit: per transaction, one indexed conditional check and two inserts (an event and its tag), WAL,
/// synchronous=FULL: one fsync per commit, as every booking confirmed to a person must survive a power cut.
/// </summary>
public static class RawAppend
{
    public static async Task<double> TransactionsPerSecondAsync(string directory, int transactions)
    {
        var path = Path.Combine(directory, "raw.db");
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=false");
        await connection.OpenAsync();
        await Execute(connection, """
            PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;
            CREATE TABLE IF NOT EXISTS events (position INTEGER PRIMARY KEY, type TEXT NOT NULL, data TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS event_tags (tag TEXT NOT NULL, position INTEGER NOT NULL, PRIMARY KEY (tag, position)) WITHOUT ROWID;
            """);
        await using var check = connection.CreateCommand();
        check.CommandText = "SELECT EXISTS (SELECT 1 FROM event_tags WHERE tag = @tag AND position > @after);";
        check.Parameters.Add(new SqliteParameter("@tag", ""));
        check.Parameters.Add(new SqliteParameter("@after", 0L));
        await using var insertEvent = connection.CreateCommand();
        insertEvent.CommandText = "INSERT INTO events (type, data) VALUES ('SlotsBooked', @data) RETURNING position;";
        insertEvent.Parameters.Add(new SqliteParameter("@data", ""));
        await using var insertTag = connection.CreateCommand();
        insertTag.CommandText = "INSERT INTO event_tags (tag, position) VALUES (@tag, @position);";
        insertTag.Parameters.Add(new SqliteParameter("@tag", ""));
        insertTag.Parameters.Add(new SqliteParameter("@position", 0L));

        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < transactions; i++)
        {
            await using var transaction = connection.BeginTransaction(deferred: false);
            check.Transaction = insertEvent.Transaction = insertTag.Transaction = transaction;
            var tag = $"slot:{Guid.NewGuid():N}";
            check.Parameters[0].Value = tag;
            check.Parameters[1].Value = (long)i;
            await check.ExecuteScalarAsync();
            insertEvent.Parameters[0].Value = $"{{\"slot\":\"{tag}\"}}";
            var position = (long)(await insertEvent.ExecuteScalarAsync())!;
            insertTag.Parameters[0].Value = tag;
            insertTag.Parameters[1].Value = position;
            await insertTag.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }
        return transactions / watch.Elapsed.TotalSeconds;
    }

    private static async Task Execute(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
