using ClinicPortal.Domain;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Features.Scheduling.ScheduleDay;
using ClinicPortal.Application.Queries;
using ClinicPortal.Infrastructure.ReadModels;
using ClinicPortal.Tests.Unit.Support;

namespace ClinicPortal.Tests.Unit.Scheduling;

/// <summary>The schedule editor judges the whole day while the doctor edits, with the decider that will judge the command.</summary>
public class DayPlanTests
{
    private static readonly ClinicianDayView EmptyTuesday = new(A.ClinicianId, A.Tomorrow, false, null, []);

    private static Checked<int> Judge(ClinicianDayView day, DateTimeOffset? now = null, params (int From, int To)[] hours) =>
        DayPlan.Judge(day, hours.Select(h => new BlockOfTime(new(h.From, 0), new(h.To, 0))).ToArray(), A.London, A.Clinician, now ?? A.Now);

    [Fact]
    public void TwoSeparateBlocksOnAnEmptyDayAddAllTheirSlots() =>
        Assert.Equal(36, Judge(EmptyTuesday, null, (9, 12), (14, 17)).Value);

    [Fact]
    public void BlocksThatOverlapEachOtherAreRefusedTogether() =>
        Assert.Equal(Rejection.BlocksOverlap, Judge(EmptyTuesday, null, (9, 12), (11, 13)).Rejection);

    [Fact]
    public void SevenHoursInAllAreRefusedThoughEachBlockIsWithinTheLimit() =>
        Assert.Equal(Rejection.TooManySlotsInDay, Judge(EmptyTuesday, null, (8, 12), (13, 16)).Rejection);

    [Fact]
    public void TimeAlreadyScheduledCountsAgainstTheDay()
    {
        var morning = new ClinicianDayView(A.ClinicianId, A.Tomorrow, false, null,
            Enumerable.Range(1, 18).Select(n => new ClinicianDaySlot(A.Slot(n), A.MorningSlot(n).StartUtc, null, null, null)).ToArray());

        Assert.Equal(Rejection.OverlapsExistingSlots, Judge(morning, null, (11, 13)).Rejection);
        Assert.Equal(Rejection.TooManySlotsInDay, Judge(morning, null, (13, 17)).Rejection);
        Assert.Equal(18, Judge(morning, null, (14, 17)).Value);
    }

    [Fact]
    public void ATimeAlreadyPastIsRefused() =>
        Assert.Equal(Rejection.SlotInPast, Judge(EmptyTuesday, A.At(A.Tomorrow, 10), (9, 12)).Rejection);

    [Fact]
    public void ACancelledDayTakesNoMoreTime() =>
        Assert.Equal(Rejection.DayAlreadyCancelled, Judge(EmptyTuesday with { Cancelled = true }, null, (9, 12)).Rejection);

    [Fact]
    public void AMorningInARoomAndAnAfternoonInNone_AreJudgedTogether_AsTheirSlotsAddedUp()
    {
        var room = new Domain.Rooms.Room(A.Id("room-1"), "Room 1", [], InUse: true);
        BlockOfTime[] blocks = [new(new(9, 0), new(12, 0), RoomId: room.Id), new(new(14, 0), new(16, 0))];

        Assert.Equal(30, DayPlan.Judge(EmptyTuesday, blocks, A.London, A.Clinician, A.Now, [room], []).Value);
        Assert.Equal(30, DayPlan.Judge(EmptyTuesday, [blocks[1], blocks[0]], A.London, A.Clinician, A.Now, [room], []).Value);
    }
}
