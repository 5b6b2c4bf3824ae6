using ClinicPortal.Application;
using ClinicPortal.Application.Queries;
using ClinicPortal.Infrastructure.ReadModels;
using ClinicPortal.Tests.Unit.Support;

namespace ClinicPortal.Tests.Unit.ReadModels;

/// <summary>
/// Every open page of a day reloads at once after a booking; their reads of the day share one query, and none of them
/// is handed a read that started before an append it was told of.
/// </summary>
public class SharedDayReadTests
{
    [Fact]
    public async Task ReadsOfADayAtOnceShareOneResult_AndAReadAfterAnAppendSeesIt()
    {
        await using var app = await TestApp.StartAsync();
        var store = app.Get<IEventStore>();
        await store.AppendAsync([A.DayScheduled(1, 2, 3)], new EventMetadata("tester", A.Now), null);
        var reads = app.Get<ScheduleReadModel>();

        var together = await Race.AtOnceAsync(50, _ => reads.AvailableSlotsAsync(A.Tomorrow, A.Now));
        await store.AppendAsync([A.SlotsBooked(A.AppointmentId, A.PatientId, 2)], new EventMetadata("tester", A.Now), null);
        var after = await reads.AvailableSlotsAsync(A.Tomorrow, A.Now);

        Assert.True(together.Distinct(ReferenceEqualityComparer.Instance).Count() < together.Length, "no two of 50 reads at once shared a result");
        Assert.All(together, read => Assert.Equal([A.Slot(1), A.Slot(2), A.Slot(3)], Assert.Single(read).Slots.Select(s => s.SlotId)));
        Assert.Equal([A.Slot(1), A.Slot(3)], Assert.Single(after).Slots.Select(s => s.SlotId));
    }

    [Fact]
    public async Task AReaderWithALaterNowGetsOnlyWhatHasNotStartedByThen()
    {
        await using var app = await TestApp.StartAsync();
        await app.Get<IEventStore>().AppendAsync([A.DayScheduled(1, 2, 3)], new EventMetadata("tester", A.Now), null);
        var reads = app.Get<ScheduleReadModel>();

        var results = await Task.WhenAll(reads.AvailableSlotsAsync(A.Tomorrow, A.Now), reads.AvailableSlotsAsync(A.Tomorrow, A.MorningSlot(2).StartUtc));

        Assert.Equal([A.Slot(1), A.Slot(2), A.Slot(3)], Assert.Single(results[0]).Slots.Select(s => s.SlotId));
        Assert.Equal([A.Slot(3)], Assert.Single(results[1]).Slots.Select(s => s.SlotId));
    }
}
