using ClinicPortal.Application.Ports;
using ClinicPortal.Domain;
using ClinicPortal.Infrastructure.Data;
using ClinicPortal.Infrastructure.Privacy;
using ClinicPortal.Tests.Unit.Support;

namespace ClinicPortal.Tests.Unit.Privacy;

/// <summary>
/// Who looked at a patient's details: recorded without waiting for the database (so a page is never held up by it, even
/// while another writer holds SQLite's only write lock), written in batches, read latest first; the patient's own looks
/// and their guardian's are not recorded.
/// </summary>
public class AccessLogTests
{
    [Theory]
    [InlineData(TestApp.Sqlite)]
    [InlineData(TestApp.Postgres)]
    public async Task LooksAreQueuedAtOnce_EvenWhileTheDatabaseIsLocked_AndWrittenAfter_LatestFirst(string provider)
    {
        await using var app = await TestApp.StartAsync(provider: provider);
        var log = app.Get<AccessLog>();
        var (patient, other) = (Guid.NewGuid(), Guid.NewGuid());

        await using (var busy = await app.Get<ClinicDatabase>().BeginAsync())
        {
            // Another writer holds the write lock (on SQLite, the only one): recording does not wait for it.
            await busy.Session.ExecuteAsync("INSERT INTO checkpoints (name, position) VALUES ('busy', 1);", default);
            for (var i = 0; i < 500; i++)
                ((IAccessLog)log).Record(patient, A.Receptionist, $"look {i}");
            ((IAccessLog)log).Record(other, A.Receptionist, "someone else's page");
            await busy.CommitAsync();
        }
        await log.FlushAsync();

        var accesses = await log.OfAsync(patient, 1000);
        Assert.Equal(500, accesses.Count);
        Assert.Equal("look 499", accesses[0].What);
        Assert.All(accesses, a => Assert.Equal(A.Receptionist.Id, a.ViewerId));
        Assert.Single(await log.OfAsync(other, 10));
    }

    [Fact]
    public async Task ThePatientsOwnLooks_AndTheirGuardiansAndTheSystems_AreNotRecorded()
    {
        await using var app = await TestApp.StartAsync();
        IAccessLog log = app.Get<AccessLog>();
        var (patient, guardian) = (Guid.NewGuid(), Guid.NewGuid());

        log.Record(patient, Actor.Patient(patient), "their own page");
        log.Record(patient, Actor.Patient(guardian) with { Dependants = [patient] }, "their child's page");
        log.Record(patient, Actor.Timers, "a reminder");
        log.Record(patient, Actor.Patient(Guid.NewGuid()), "not theirs to open");
        await app.Get<AccessLog>().FlushAsync();

        Assert.Equal(["not theirs to open"], (await log.OfAsync(patient, 10)).Select(a => a.What));
    }
}
