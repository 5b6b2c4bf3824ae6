using ClinicPortal.Application;

namespace ClinicPortal.Tests.Unit.EventStore;

public class EventLogSignalTests
{
    [Fact]
    public async Task AFailingSubscriberDoesNotKeepTheOthersOrTheWaitersFromHearingOfAnAppend()
    {
        var signal = new EventLogSignal();
        long heard = 0;
        signal.Appended += _ => throw new InvalidOperationException("a page went away badly");
        signal.Appended += appended => heard = appended.LastPosition;
        var waiting = signal.WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None);

        signal.Notify(new Appended(42, new HashSet<ClinicPortal.Domain.EventStore.Tag>()));

        Assert.Equal(42, heard);
        await waiting.WaitAsync(TimeSpan.FromSeconds(5)); // heard, not timed out (a TimeoutException would fail the test)
    }

    [Fact]
    public async Task AFollowerOfTheLogSleepsUntilAnAppendOnOneProcessesLog_AndLooksEachSecondOnAShared()
    {
        var signal = new EventLogSignal();
        var waiting = signal.WaitAsync(CancellationToken.None);

        // One process writes a SQLite log and raises the signal itself: nothing to look for in the meantime.
        Assert.Equal(TimeSpan.FromSeconds(30), signal.SafetyPoll);
        Assert.False(await Poll.UntilAsync(() => waiting.IsCompleted, TimeSpan.FromMilliseconds(300)));
        signal.Notify(new Appended(1, new HashSet<ClinicPortal.Domain.EventStore.Tag>()));
        await waiting.WaitAsync(TimeSpan.FromSeconds(5));

        // A PostgreSQL log is shared with other instances: followers look each second (the store says so).
        await using var source = Npgsql.NpgsqlDataSource.Create("Host=unused.invalid");
        _ = new ClinicPortal.Infrastructure.Postgres.PostgresEventStore(source, signal, new ClinicPortal.Infrastructure.Postgres.PostgresInstance());
        Assert.Equal(TimeSpan.FromSeconds(1), signal.SafetyPoll);
    }
}
