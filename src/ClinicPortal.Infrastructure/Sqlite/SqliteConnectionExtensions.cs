using Microsoft.Data.Sqlite;

namespace ClinicPortal.Infrastructure.Sqlite;

internal static class SqliteConnectionExtensions
{
    public static async Task ExecuteAsync(this SqliteConnection connection, string sql, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
