using Microsoft.Data.Sqlite;

namespace ClinicPortal.Infrastructure.Sqlite;

public sealed class InMemoryDatabase(SqliteDatabase database, SqliteConnection keptOpen) : IAsyncDisposable
{
    public SqliteDatabase Database => database;
    public SqliteConnection Connection => keptOpen;

    public ValueTask DisposeAsync() => keptOpen.DisposeAsync();
}
