using System.Diagnostics;
using ClinicPortal.Application;
using ClinicPortal.Domain.EventStore;
using ClinicPortal.Infrastructure.EventStore;
using ClinicPortal.Tests.Unit.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using ClinicPortal.Infrastructure.Postgres;

namespace ClinicPortal.Tests.Unit.EventStore;

/// <summary>One app instance's view of a log on the tests' PostgreSQL server: its own pool, signal and instance id, as a process would have.</summary>
public sealed class PostgresLog : IAsyncDisposable
{
    private PostgresLog(string connectionString)
    {
        ConnectionString = new PostgresConnectionString(connectionString);
        DataSource = NpgsqlDataSource.Create(connectionString);
        Store = new PostgresEventStore(DataSource, Signal, Instance);
    }

    public PostgresConnectionString ConnectionString { get; }
    public NpgsqlDataSource DataSource { get; }
    public EventLogSignal Signal { get; } = new();
    public PostgresInstance Instance { get; } = new();
    public PostgresEventStore Store { get; }

    /// <summary>A new, empty log (its database created as the app creates it).</summary>
    public static async Task<PostgresLog> CreateAsync() => await OpenAsync((await PostgresServer.SharedAsync()).NewDatabase());

    /// <summary>Another instance on the same database as <paramref name="other"/>.</summary>
    public static Task<PostgresLog> BesideAsync(PostgresLog other) => OpenAsync(other.ConnectionString.Value);

    private static async Task<PostgresLog> OpenAsync(string connectionString)
    {
        await PostgresLogSchema.EnsureAsync(connectionString);
        return new PostgresLog(connectionString);
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        await DataSource.DisposeAsync();
    }
}

public sealed class PostgresEventStoreContract : EventStoreContract
{
    protected override async Task<(IEventStore, IAsyncDisposable)> CreateAsync()
    {
        var log = await PostgresLog.CreateAsync();
        return (log.Store, log);
    }
}

public class PostgresLogTests
{
    private static readonly EventMetadata By = new("tester", A.Now);

    [Fact]
    public async Task ManyInstancesAppointmentOneSlotAtOnce_ExactlyOneAppendWins()
    {
        await using var first = await PostgresLog.CreateAsync();
        await first.Store.AppendAsync([A.DayScheduled(1)], By, null);
        var instances = new List<PostgresLog> { first };
        for (var i = 1; i < 8; i++)
            instances.Add(await PostgresLog.BesideAsync(first));
        var query = Query.Tagged(Tag.Slot(A.Slot(1)));
        using var barrier = new Barrier(instances.Count);

        var attempts = instances.Select((instance, i) => Task.Run(async () =>
        {
            var seen = await instance.Store.ReadAsync(query); // every racer decides on the same log
            barrier.SignalAndWait();
            try
            {
                await instance.Store.AppendAsync([A.SlotsBooked(A.Id($"booking{i}"), A.Id($"patient{i}"), 1)], By, new AppendCondition(query, seen.LastPosition));
                return true;
            }
            catch (AppendConditionFailedException)
            {
                return false;
            }
        })).ToArray();
        var won = await Task.WhenAll(attempts);

        Assert.Single(won, w => w);
        Assert.Single((await first.Store.ReadAsync(query)).Events, e => e.Event is Domain.SlotsBooked);
        foreach (var instance in instances.Skip(1))
            await instance.DisposeAsync();
    }

    [Fact]
    public async Task InstancesAppointmentDifferentSlotsAtOnce_AllSucceed()
    {
        await using var first = await PostgresLog.CreateAsync();
        await first.Store.AppendAsync([A.DayScheduled(1, 2, 3, 4, 5, 6)], By, null);
        var instances = new List<PostgresLog> { first };
        for (var i = 1; i < 6; i++)
            instances.Add(await PostgresLog.BesideAsync(first));
        using var barrier = new Barrier(instances.Count);

        var appended = await Task.WhenAll(instances.Select((instance, i) => Task.Run(async () =>
        {
            var query = Query.Tagged(Tag.Slot(A.Slot(i + 1)));
            var seen = await instance.Store.ReadAsync(query);
            barrier.SignalAndWait();
            return await instance.Store.AppendAsync([A.SlotsBooked(A.Id($"booking{i}"), A.Id($"patient{i}"), i + 1)], By, new AppendCondition(query, seen.LastPosition));
        })));

        Assert.Equal(6, appended.Distinct().Count());
        Assert.Equal(7, (await first.Store.ReadAsync(Query.All)).Events.Count);
        foreach (var instance in instances.Skip(1))
            await instance.DisposeAsync();
    }

    [Fact]
    public async Task AnEventCommittedLateWithALowerPosition_IsNotSkippedByAReaderFollowingTheLog()
    {
        await using var log = await PostgresLog.CreateAsync();
        await log.Store.AppendAsync([A.DayScheduled(1)], By, null);

        // An append that has taken position 2 and not yet committed (as a slow writer in another process would).
        await using var slow = await log.DataSource.OpenConnectionAsync();
        await using var slowTransaction = await slow.BeginTransactionAsync();
        var late = new Domain.SlotsRemoved(A.ClinicianId, A.Tomorrow, [A.Slot(1)]);
        await using (var insert = new NpgsqlCommand(
            "INSERT INTO events (position, type, data, tags, recorded_at, caused_by) SELECT clinic_reserve_positions(1), @type, @data, '', '2026-03-02T08:00:00.0000000+00:00', 'slow';",
            slow, slowTransaction))
        {
            insert.Parameters.AddWithValue("type", EventTypes.NameOf(late));
            insert.Parameters.AddWithValue("data", EventSerializer.Serialize(late));
            await insert.ExecuteNonQueryAsync();
        }
        // Meanwhile another append takes position 3 and commits.
        var third = await log.Store.AppendAsync([new Domain.SlotsRemoved(A.ClinicianId, A.Tomorrow, [A.Slot(2)])], By, null);
        Assert.Equal(3, third);
        await using (var visible = log.DataSource.CreateCommand("SELECT array_agg(position ORDER BY position) FROM events;"))
        {
            var positions = (long[])(await visible.ExecuteScalarAsync())!;
            Assert.Equal(new long[] { 1, 3 }, positions); // a reader by position alone would take 3 and never see 2
        }

        var whileOpen = await log.Store.ReadAfterAsync(1, 100);
        var lastWhileOpen = await log.Store.LastPositionAsync();
        await slowTransaction.CommitAsync();
        var afterCommit = await log.Store.ReadAfterAsync(1, 100);

        Assert.Empty(whileOpen);
        Assert.Equal(1, lastWhileOpen);
        Assert.Equal([2L, 3L], afterCommit.Select(e => e.Position));
    }

    [Fact]
    public async Task ADecisionThatCouldNotSeeALateCommit_IsRefused()
    {
        await using var log = await PostgresLog.CreateAsync();
        await log.Store.AppendAsync([A.DayScheduled(1, 2)], By, null);
        var query = Query.Tagged(Tag.Slot(A.Slot(1)));

        // Slot 1 booked by a writer that has its position but has not committed; an unrelated append commits after it.
        await using var slow = await PostgresLog.BesideAsync(log);
        var slowAppend = new TaskCompletionSource();
        await using var connection = await slow.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var booked = A.SlotsBooked(A.Id("slow"), A.OtherPatientId, 1);
        await using (var insert = new NpgsqlCommand(
            "SELECT clinic_lock_keys(@keys, @exclusive);" +
            "INSERT INTO events (position, type, data, tags, recorded_at, caused_by) VALUES (clinic_reserve_positions(1), @type, @data, @tags, '2026-03-02T08:00:00.0000000+00:00', 'slow');" +
            "INSERT INTO event_tags (tag, position, type) SELECT t, currval('events_position_seq'), @type FROM unnest(@tagList) t;", connection, transaction))
        {
            var (keys, exclusive) = PostgresEventStore.LockKeys([(EventTypes.NameOf(booked), EventTags.Of(booked))], null);
            insert.Parameters.AddWithValue("keys", keys);
            insert.Parameters.AddWithValue("exclusive", exclusive);
            insert.Parameters.AddWithValue("type", EventTypes.NameOf(booked));
            insert.Parameters.AddWithValue("data", EventSerializer.Serialize(booked));
            insert.Parameters.AddWithValue("tags", string.Join(' ', EventTags.Of(booked)));
            insert.Parameters.AddWithValue("tagList", EventTags.Of(booked).Distinct().Select(t => t.Value).ToArray());
            await insert.ExecuteNonQueryAsync();
        }
        await log.Store.AppendAsync([new Domain.SlotsRemoved(A.ClinicianId, A.Tomorrow, [A.Slot(2)])], By, null);

        var seen = await log.Store.ReadAsync(query); // does not see the booking: it is not committed
        var deciding = log.Store.AppendAsync([A.SlotsBooked(A.AppointmentId, A.PatientId, 1)], By, new AppendCondition(query, seen.LastPosition));
        Assert.False(await Poll.UntilAsync(() => deciding.IsCompleted, TimeSpan.FromMilliseconds(300))); // it waits on the slot's lock
        await transaction.CommitAsync();

        Assert.DoesNotContain(seen.Events, e => e.Event is Domain.SlotsBooked);
        await Assert.ThrowsAsync<AppendConditionFailedException>(() => deciding);
        Assert.Single((await log.Store.ReadAsync(query)).Events, e => e.Event is Domain.SlotsBooked);
    }

    [Fact]
    public async Task AWriteLeftOpenInAnotherDatabaseOfTheServer_HoldsThisLogBackInNothing()
    {
        await using var other = await PostgresLog.CreateAsync(); // another practice's database on the same server
        await using var busy = await other.DataSource.OpenConnectionAsync();
        await using var open = await busy.BeginTransactionAsync();
        await using (var write = new NpgsqlCommand("CREATE TABLE left_open (x int); INSERT INTO left_open VALUES (1);", busy, open))
            await write.ExecuteNonQueryAsync();
        await using var log = await PostgresLog.CreateAsync();

        var position = await log.Store.AppendAsync([A.DayScheduled(1)], By, null);

        Assert.Equal(position, await log.Store.LastPositionAsync());
        Assert.Equal(position, (await log.Store.ReadAsync(Query.All)).LastPosition);
        Assert.Equal([position], (await log.Store.ReadAfterAsync(0, 10)).Select(e => e.Position));
        await open.RollbackAsync();
    }

    [Fact]
    public async Task AnAppendOnOneInstanceWakesTheOtherWithItsTags()
    {
        await using var here = await PostgresLog.CreateAsync();
        await using var there = await PostgresLog.BesideAsync(here);
        var listener = new PostgresLogListener(there.ConnectionString, there.Store, there.Signal, there.Instance, NullLogger<PostgresLogListener>.Instance);
        await listener.StartAsync(CancellationToken.None);
        await listener.Listening.WaitAsync(TimeSpan.FromSeconds(10));
        var heard = new TaskCompletionSource<Appended>(TaskCreationOptions.RunContinuationsAsynchronously);
        there.Signal.Appended += appended => heard.TrySetResult(appended);
        var ownHeard = 0;
        here.Signal.Appended += _ => Interlocked.Increment(ref ownHeard);

        var position = await here.Store.AppendAsync([A.DayScheduled(1, 2)], By, null);
        var appended = await heard.Task.WaitAsync(TimeSpan.FromSeconds(2));
        await listener.StopAsync(CancellationToken.None);

        Assert.Equal(position, appended.LastPosition);
        Assert.True(appended.Touches(Tag.Slot(A.Slot(2))));
        Assert.True(appended.TouchesDate(A.Tomorrow));
        Assert.Equal(1, ownHeard); // the writer's own signal, once: it does not hear itself again through the database
    }

    [Fact]
    public async Task OneInstanceLeadsAReaction_AndAnotherTakesOverWithinSecondsWhenItsConnectionDies()
    {
        await using var log = await PostgresLog.CreateAsync();
        var one = new PostgresLeases(log.ConnectionString, NullLogger<PostgresLeases>.Instance);
        var other = new PostgresLeases(log.ConnectionString, NullLogger<PostgresLeases>.Instance);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var leader = await one.AcquireAsync("quota", stop.Token);
        var emailLeader = await other.AcquireAsync("email", stop.Token); // another reaction is led on its own
        var waiting = other.AcquireAsync("quota", stop.Token);
        Assert.False(await Poll.UntilAsync(() => waiting.IsCompleted, PostgresLeases.RetryInterval * 2));

        // The leader's process dies: the server ends its session (as it does when a killed process's socket closes).
        var clock = Stopwatch.StartNew();
        await using (var kill = log.DataSource.CreateCommand(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_locks WHERE locktype = 'advisory' AND classid = @class AND objid = hashtext('quota')::oid;"))
        {
            kill.Parameters.AddWithValue("class", 0x0C11_0002);
            Assert.Equal(1L, await kill.ExecuteScalarAsync());
        }
        var successor = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        var tookOver = clock.Elapsed;
        Assert.False(await Poll.UntilAsync(() => successor.Lost.IsCancellationRequested || emailLeader.Lost.IsCancellationRequested, PostgresLeases.RetryInterval * 2));

        Assert.True(leader.Lost.IsCancellationRequested, "the old leader must learn it lost the lease and stop");
        Assert.False(successor.Lost.IsCancellationRequested);
        Assert.False(emailLeader.Lost.IsCancellationRequested);
        Assert.True(tookOver < TimeSpan.FromSeconds(10), $"took over after {tookOver}");

        // Handing a lease on is immediate for whoever asks next.
        await successor.DisposeAsync();
        var next = await one.AcquireAsync("quota", stop.Token).WaitAsync(TimeSpan.FromSeconds(5));
        await next.DisposeAsync();
        await leader.DisposeAsync();
        await emailLeader.DisposeAsync();
    }

    /// <summary>A reaction that writes down which instance handled which event, and keeps its checkpoint in the shared database.</summary>
    private sealed class Recorder(PostgresLog log, IReactionLeases leases, string instance, System.Collections.Concurrent.ConcurrentQueue<(string Instance, long Position)> handled)
        : LogReactor(log.Store, new ClinicPortal.Infrastructure.EventStore.Checkpoints(new ClinicPortal.Infrastructure.Postgres.PostgresDatabase(log.DataSource, Path.GetTempPath())),
            log.Signal, new ReactionHealth(TimeProvider.System), leases, NullLogger.Instance)
    {
        protected override string CheckpointName => "recorder";

        protected override async Task HandleAsync(IReadOnlyList<StoredEvent> batch, CancellationToken ct)
        {
            foreach (var stored in batch)
                handled.Enqueue((instance, stored.Position));
            await Checkpoints.SaveAsync(CheckpointName, batch[^1].Position, ct);
        }
    }

    [Fact]
    public async Task AReactionRunsInOneInstanceOnly_AndWhenItsLeaderDiesAnotherCarriesOnFromItsCheckpointWithinTenSeconds()
    {
        await using var a = await PostgresLog.CreateAsync();
        await using var b = await PostgresLog.BesideAsync(a);
        var handled = new System.Collections.Concurrent.ConcurrentQueue<(string Instance, long Position)>();
        var first = new Recorder(a, new PostgresLeases(a.ConnectionString, NullLogger<PostgresLeases>.Instance), "a", handled);
        var second = new Recorder(b, new PostgresLeases(b.ConnectionString, NullLogger<PostgresLeases>.Instance), "b", handled);
        async Task AppendAsync(PostgresLog on, int from)
        {
            for (var i = from; i < from + 3; i++)
                await on.Store.AppendAsync([new Domain.SlotsRemoved(A.ClinicianId, A.Tomorrow, [A.Slot(i)])], By, null);
        }
        Task UntilHandledAsync(int count) =>
            Poll.AssertAsync(() => handled.Count >= count, $"{count} events handled", TimeSpan.FromSeconds(15), TimeSpan.FromMilliseconds(50));

        await first.StartAsync(CancellationToken.None);
        await AppendAsync(a, 1);
        await UntilHandledAsync(3);
        await second.StartAsync(CancellationToken.None);
        await AppendAsync(b, 4);
        await UntilHandledAsync(6);
        // The second instance has asked for the lease, and been refused: it handles nothing.
        Assert.False(await Poll.UntilAsync(() => handled.Any(h => h.Instance == "b"), PostgresLeases.RetryInterval * 2));

        // The leader dies: the server ends its lease's session, as when a killed process's socket closes, and the
        // process does nothing more (stopping it hands nothing on: its session is gone already).
        await using (var kill = a.DataSource.CreateCommand(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_locks WHERE locktype = 'advisory' AND classid = @class AND objid = hashtext('recorder')::oid;"))
        {
            kill.Parameters.AddWithValue("class", 0x0C11_0002);
            Assert.Equal(1L, await kill.ExecuteScalarAsync());
        }
        var clock = Stopwatch.StartNew();
        await first.StopAsync(CancellationToken.None);
        await AppendAsync(b, 7);
        await UntilHandledAsync(9);
        var carriedOn = clock.Elapsed;
        await Poll.UntilAsync(() => handled.Count > 9, PostgresLeases.RetryInterval * 2); // time for any event handled twice to show
        await second.StopAsync(CancellationToken.None);

        var all = handled.ToArray();
        Assert.Equal(Enumerable.Range(1, 9).Select(p => (long)p), all.Select(h => h.Position)); // each once, in order
        Assert.All(all[..6], h => Assert.Equal("a", h.Instance));
        Assert.All(all[6..], h => Assert.Equal("b", h.Instance));
        Assert.True(carriedOn < TimeSpan.FromSeconds(10), $"carried on after {carriedOn}");
    }

    [Fact]
    public async Task EventsCanBeNeitherUpdatedNorDeleted_AndTheSchemaCanBeCreatedAgainOverItself()
    {
        await using var log = await PostgresLog.CreateAsync();
        await log.Store.AppendAsync([A.DayScheduled(1)], By, null);
        await PostgresLogSchema.EnsureAsync(log.ConnectionString.Value); // a second instance starting

        await using var update = log.DataSource.CreateCommand("UPDATE events SET caused_by = 'x';");
        await using var delete = log.DataSource.CreateCommand("DELETE FROM events;");
        await using var truncate = log.DataSource.CreateCommand("TRUNCATE events;");
        Assert.Contains("never updated", (await Assert.ThrowsAsync<PostgresException>(() => update.ExecuteNonQueryAsync())).MessageText);
        Assert.Contains("never deleted", (await Assert.ThrowsAsync<PostgresException>(() => delete.ExecuteNonQueryAsync())).MessageText);
        await Assert.ThrowsAsync<PostgresException>(() => truncate.ExecuteNonQueryAsync());
        Assert.Single((await log.Store.ReadAsync(Query.All)).Events);
    }
}
