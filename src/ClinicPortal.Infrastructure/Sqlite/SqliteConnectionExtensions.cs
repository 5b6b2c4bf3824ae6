using ClinicPortal.Infrastructure.Data;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

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
