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
}
