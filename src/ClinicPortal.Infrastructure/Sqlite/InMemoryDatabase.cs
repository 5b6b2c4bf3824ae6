using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Infrastructure.Sqlite;

public sealed class InMemoryDatabase(SqliteDatabase database, SqliteConnection keptOpen) : IAsyncDisposable
{
    public SqliteDatabase Database => database;
    public SqliteConnection Connection => keptOpen;

    public ValueTask DisposeAsync() => keptOpen.DisposeAsync();
}
