using ClinicPortal.Application;
using ClinicPortal.Domain;
using ClinicPortal.Domain.EventStore;
using ClinicPortal.Infrastructure.Data;
using ClinicPortal.Tests.Unit.Support;
using ClinicPortal.Infrastructure.Sqlite;

namespace ClinicPortal.Tests.Unit.EventStore;

/// <summary>
/// The SQLite store commits waiting appends together, each under its own savepoint. These tests hold the database's
/// write lock while appends queue up, so that they are certain to land in one batch, and then see what each got.
/// </summary>
public class GroupCommitTests
{
    /// <summary>An event the log has no tags for: appending it fails inside the store.</summary>
    private sealed record EventTheLogCannotTag : IClinicEvent;

    private static readonly EventMetadata By = new("test", A.Now);

    private static DayScheduled DayOf(Guid doctor, int slot) =>
        new(doctor, A.Tomorrow, [new ScheduledSlot(Guid.NewGuid(), A.At(A.Tomorrow, 9).AddMinutes(10 * slot))]);

    [Fact]
    public async Task InOneBatch_AnAppendWhoseConditionFailsAndOneThatThrowsAreRefusedAlone_AndTheOthersCommit()
    {
        await using var app = await TestApp.StartAsync();
        var store = app.Get<IEventStore>();
        var (doctor, other) = (Guid.NewGuid(), Guid.NewGuid());
        var first = DayOf(doctor, 0);
        var last = DayOf(other, 1);

        Task<long> warmUp, good, conflicting, failing, alsoGood;
        await using (var connection = await app.Get<SqliteDatabase>().OpenAsync())
        await using (var holdsTheWriteLock = connection.BeginTransaction(deferred: false))
        {
            warmUp = store.AppendAsync([DayOf(Guid.NewGuid(), 2)], By, null); // the writer takes it and waits for the lock
            good = store.AppendAsync([first], By, null);
            // Decided before `first` existed: `first`, earlier in the same batch, must make it fail.
            conflicting = store.AppendAsync([DayOf(doctor, 3)], By, new AppendCondition(Query.Tagged(Tag.Day(doctor, A.Tomorrow)), 0));
            failing = store.AppendAsync([new EventTheLogCannotTag()], By, null);
            alsoGood = store.AppendAsync([last], By, null);
            Assert.False(await Poll.UntilAsync(() => warmUp.IsCompleted || good.IsCompleted || alsoGood.IsCompleted, TimeSpan.FromMilliseconds(200)),
                "nothing can commit while the lock is held");
            holdsTheWriteLock.Rollback();
        }

        await warmUp;
        var goodPosition = await good;
        await Assert.ThrowsAsync<AppendConditionFailedException>(() => conflicting);
        await Assert.ThrowsAsync<ArgumentException>(() => failing);
        var lastPosition = await alsoGood;

        var log = await store.ReadAsync(Query.All);
        Assert.Equal(3, log.Events.Count);
        Assert.Equal(lastPosition, log.LastPosition);
        Assert.Contains(log.Events, e => e.Position == goodPosition && ((DayScheduled)e.Event).ClinicianId == doctor);
        Assert.Contains(log.Events, e => e.Position == lastPosition && ((DayScheduled)e.Event).ClinicianId == other);
        Assert.DoesNotContain(log.Events, e => e.Event is DayScheduled d && d.ClinicianId == doctor && d.Slots[0].StartUtc == A.At(A.Tomorrow, 9).AddMinutes(30));
    }

    [Fact]
    public async Task ManyConditionalAppendsOnOneBoundaryReleasedAtOnce_ExactlyOneWins()
    {
        await using var app = await TestApp.StartAsync();
        var store = app.Get<IEventStore>();
        var doctor = Guid.NewGuid();
        var condition = new AppendCondition(Query.Tagged(Tag.Day(doctor, A.Tomorrow)), await store.LastPositionAsync());

        var outcomes = await Race.AtOnceAsync(40, async i =>
        {
            try
            {
                await store.AppendAsync([DayOf(doctor, i)], By, condition);
                return true;
            }
            catch (AppendConditionFailedException)
            {
                return false;
            }
        });

        Assert.Single(outcomes, won => won);
        Assert.Single((await store.ReadAsync(Query.Tagged(Tag.Day(doctor, A.Tomorrow)))).Events);
    }
}
