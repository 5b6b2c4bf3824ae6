using ClinicPortal.Application;
using ClinicPortal.Domain;
using ClinicPortal.Domain.EventStore;
using ClinicPortal.Tests.Unit.Support;

namespace ClinicPortal.Tests.Unit.EventStore;

/// <summary>What every event store must do; run against the in-memory store and the SQLite store.</summary>
public abstract class EventStoreContract
{
    protected abstract Task<(IEventStore Store, IAsyncDisposable Owner)> CreateAsync();

    private static readonly EventMetadata By = new("tester", A.Now);

    [Fact]
    public async Task AnAppendedEventIsReadBackWithItsTagsPositionAndMetadata()
    {
        var (store, owner) = await CreateAsync();
        await using var _ = owner;

        var position = await store.AppendAsync([A.DayScheduled(1, 2)], By, null);
        var stream = await store.ReadAsync(Query.Tagged(Tag.Slot(A.Slot(2))));

        var stored = Assert.Single(stream.Events);
        Assert.Equal(position, stored.Position);
        Assert.Equal(position, stream.LastPosition);
        Assert.Equal(A.Describe(A.DayScheduled(1, 2)), A.Describe(stored.Event));
        Assert.Contains(Tag.Day(A.ClinicianId, A.Tomorrow), stored.Tags);
        Assert.Equal("tester", stored.CausedBy);
        Assert.Equal(A.Now, stored.RecordedAt);
    }

    [Fact]
    public async Task AQueryItemNeedsEveryTagAndOneOfItsTypes()
    {
        var (store, owner) = await CreateAsync();
        await using var _ = owner;
        await store.AppendAsync([A.DayScheduled(1, 2)], By, null);
        await store.AppendAsync([A.SlotsBooked(A.AppointmentId, A.PatientId, 1)], By, null);
        await store.AppendAsync([A.SlotsBooked(A.Id("b2"), A.OtherPatientId, 2)], By, null);

        var bothTags = await store.ReadAsync(new Query([new QueryItem([], [Tag.Slot(A.Slot(1)), Tag.Patient(A.PatientId)])]));
        var typeOnly = await store.ReadAsync(new Query([new QueryItem([EventTypes.NameOf<SlotsBooked>()], [])]));
        var typeAndTag = await store.ReadAsync(new Query([new QueryItem([EventTypes.NameOf<DayScheduled>()], [Tag.Slot(A.Slot(2))])]));

        Assert.Equal([2L], bothTags.Events.Select(e => e.Position));
        Assert.Equal([2L, 3L], typeOnly.Events.Select(e => e.Position));
        Assert.Equal([1L], typeAndTag.Events.Select(e => e.Position));
    }

    [Fact]
    public async Task AQueryOfSeveralItemsReadsEachMatchingEventOnceInLogOrder()
    {
        var (store, owner) = await CreateAsync();
        await using var _ = owner;
        await store.AppendAsync([A.DayScheduled(1, 2)], By, null);
        await store.AppendAsync([A.SlotsBooked(A.AppointmentId, A.PatientId, 1, 2)], By, null);

        var stream = await store.ReadAsync(Query.TaggedAny([Tag.Slot(A.Slot(1)), Tag.Slot(A.Slot(2))]));

        Assert.Equal([1L, 2L], stream.Events.Select(e => e.Position));
    }

    [Fact]
    public async Task AnAppendFailsWhenAMatchingEventArrivedAfterThePositionRead()
    {
        var (store, owner) = await CreateAsync();
        await using var _ = owner;
        await store.AppendAsync([A.DayScheduled(1)], By, null);
        var query = Query.Tagged(Tag.Slot(A.Slot(1)));
        var seen = await store.ReadAsync(query);
        await store.AppendAsync([A.SlotsBooked(A.Id("first"), A.OtherPatientId, 1)], By, new AppendCondition(query, seen.LastPosition));

        await Assert.ThrowsAsync<AppendConditionFailedException>(() =>
            store.AppendAsync([A.SlotsBooked(A.AppointmentId, A.PatientId, 1)], By, new AppendCondition(query, seen.LastPosition)));

        Assert.Equal(2, (await store.ReadAsync(Query.All)).Events.Count);
    }

    [Fact]
    public async Task AnAppendSucceedsWhenOnlyUnrelatedEventsArrivedMeanwhile()
    {
        var (store, owner) = await CreateAsync();
        await using var _ = owner;
        await store.AppendAsync([A.DayScheduled(1, 2)], By, null);
        var query = Query.Tagged(Tag.Slot(A.Slot(1))).Or(Query.Tagged(Tag.Patient(A.PatientId)));
        var seen = await store.ReadAsync(query);
        await store.AppendAsync([A.SlotsBooked(A.Id("other"), A.OtherPatientId, 2)], By, null);

        var position = await store.AppendAsync([A.SlotsBooked(A.AppointmentId, A.PatientId, 1)], By, new AppendCondition(query, seen.LastPosition));

        Assert.Equal(3, position);
    }

    [Fact]
    public async Task TheLastPositionIsZeroForAnEmptyLogAndThenTheLastEventsPosition()
    {
        var (store, owner) = await CreateAsync();
        await using var _ = owner;

        var empty = await store.LastPositionAsync();
        var appended = await store.AppendAsync([A.DayScheduled(1), A.SlotsBooked(A.AppointmentId, A.PatientId, 1)], By, null);

        Assert.Equal(0, empty);
        Assert.Equal(appended, await store.LastPositionAsync());
    }

    [Fact]
    public async Task ReadingAfterAPositionReturnsTheRestOfTheLogInBatches()
    {
        var (store, owner) = await CreateAsync();
        await using var _ = owner;
        for (var i = 1; i <= 5; i++)
            await store.AppendAsync([new SlotsRemoved(A.ClinicianId, A.Tomorrow, [A.Slot(i)])], By, null);

        var batch = await store.ReadAfterAsync(2, 2);

        Assert.Equal([3L, 4L], batch.Select(e => e.Position));
    }

    [Fact]
    public async Task SeveralEventsOfOneAppendGetConsecutivePositions()
    {
        var (store, owner) = await CreateAsync();
        await using var _ = owner;

        var last = await store.AppendAsync([A.DayScheduled(1), A.SlotsBooked(A.AppointmentId, A.PatientId, 1)], By, null);

        Assert.Equal(2, last);
        Assert.Equal([1L, 2L], (await store.ReadAsync(Query.All)).Events.Select(e => e.Position));
    }
}

public sealed class InMemoryEventStoreContract : EventStoreContract
{
    protected override Task<(IEventStore, IAsyncDisposable)> CreateAsync() =>
        Task.FromResult<(IEventStore, IAsyncDisposable)>((new InMemoryEventStore(), new Nothing()));

    private sealed class Nothing : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

public sealed class SqliteEventStoreContract : EventStoreContract
{
    protected override async Task<(IEventStore, IAsyncDisposable)> CreateAsync()
    {
        var app = await TestApp.StartAsync();
        return (app.Get<IEventStore>(), app);
    }
}
