using ClinicPortal.Application;
using ClinicPortal.Domain.EventStore;
using ClinicPortal.Infrastructure.Data;
using ClinicPortal.Tests.Unit.Support;
using Microsoft.Data.Sqlite;
using ClinicPortal.Infrastructure.Sqlite;

namespace ClinicPortal.Tests.Unit.EventStore;

public class SqliteEventLogTests
{
    [Fact]
    public async Task EventsCanBeNeitherUpdatedNorDeleted()
    {
        await using var app = await TestApp.StartAsync();
        await app.Get<IEventStore>().AppendAsync([A.DayScheduled(1)], new EventMetadata("t", A.Now), null);
        await using var connection = await app.Get<SqliteDatabase>().OpenAsync();

        var update = await Assert.ThrowsAsync<SqliteException>(() => connection.ExecuteAsync("UPDATE events SET caused_by = 'x';"));
        var delete = await Assert.ThrowsAsync<SqliteException>(() => connection.ExecuteAsync("DELETE FROM events;"));

        Assert.Contains("never updated", update.Message);
        Assert.Contains("never deleted", delete.Message);
    }

    [Fact]
    public async Task TheDatabaseRunsInWalModeWithFullSynchronousCommits()
    {
        await using var app = await TestApp.StartAsync();
        await using var connection = await app.Get<SqliteDatabase>().OpenAsync();
        await using var command = connection.CreateCommand();

        command.CommandText = "PRAGMA journal_mode;";
        var journal = (string?)await command.ExecuteScalarAsync();
        command.CommandText = "PRAGMA synchronous;";
        var synchronous = Convert.ToInt32(await command.ExecuteScalarAsync());

        Assert.Equal("wal", journal);
        Assert.Equal(2, synchronous); // FULL
    }
}
