using ClinicPortal.Domain;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Tests.Unit.Support;

namespace ClinicPortal.Tests.Unit.Scheduling;

public class ScheduleDaySpecs
{
    private static DeciderSpec<ScheduleDayDecider, ScheduleDay, DayToSchedule, DayScheduled> Spec => new();

    private static ScheduleDay Schedule(params (int StartHour, int StartMinute, int EndHour, int EndMinute)[] blocks) =>
        Schedule(A.Tomorrow, A.Clinician, blocks);

    private static ScheduleDay Schedule(DateOnly date, Actor by, params (int StartHour, int StartMinute, int EndHour, int EndMinute)[] blocks)
    {
        var n = 0;
        return new ScheduleDay(A.ClinicianId, date,
            blocks.Select(b => new BlockOfTime(new TimeOnly(b.StartHour, b.StartMinute), new TimeOnly(b.EndHour, b.EndMinute))).ToArray(),
            A.London, () => A.Slot(++n), by, A.Now);
    }

    [Fact]
    public void GivenAnEmptyDay_WhenTheClinicianSchedulesTwoBlocks_ThenEverySlotOfBothIsScheduledInOrder()
    {
        var events = Spec.When(Schedule((14, 0, 14, 20), (9, 0, 9, 20))).ThenAccepted();

        var scheduled = Assert.IsType<DayScheduled>(Assert.Single(events));
        Assert.Equal(A.ClinicianId, scheduled.ClinicianId);
        Assert.Equal(A.Tomorrow, scheduled.Date);
        Assert.Equal([A.At(A.Tomorrow, 9), A.At(A.Tomorrow, 9, 10), A.At(A.Tomorrow, 14), A.At(A.Tomorrow, 14, 10)],
            scheduled.Slots.Select(s => s.StartUtc));
        Assert.Equal(4, scheduled.Slots.Select(s => s.SlotId).Distinct().Count());
    }

    [Fact]
    public void GivenSlotsAtNine_WhenABlockOverlappingThemIsScheduled_ThenOverlapsExistingSlots() =>
        Spec.Given(A.DayScheduled(1, 2, 3)).When(Schedule((9, 20, 10, 0))).ThenRejected(Rejection.OverlapsExistingSlots);

    [Fact]
    public void GivenSlotsAtNine_WhenABlockRightAfterThemIsScheduled_ThenItIsAccepted() =>
        Spec.Given(A.DayScheduled(1, 2, 3)).When(Schedule((9, 30, 10, 0))).ThenAccepted();

    [Fact]
    public void WhenTwoBlocksOfOneRequestOverlap_ThenBlocksOverlap() =>
        Spec.When(Schedule((9, 0, 10, 0), (9, 50, 10, 30))).ThenRejected(Rejection.BlocksOverlap);

    [Fact]
    public void WhenATimeIsOffTheTenMinuteMarks_ThenNotOnSlotBoundary() =>
        Spec.When(Schedule((9, 5, 10, 0))).ThenRejected(Rejection.NotOnSlotBoundary);

    [Fact]
    public void WhenABlockEndsBeforeItStarts_ThenBlockEndsBeforeItStarts() =>
        Spec.When(Schedule((12, 0, 9, 0))).ThenRejected(Rejection.BlockEndsBeforeItStarts);

    [Fact]
    public void WhenNoBlockIsGiven_ThenNoBlocks() =>
        Spec.When(Schedule()).ThenRejected(Rejection.NoBlocks);

    [Fact]
    public void GivenThirtyFourSlots_WhenThreeMoreAreScheduled_ThenTooManySlotsInDay() =>
        Spec.Given(A.DayScheduled(Enumerable.Range(1, 34).ToArray()))
            .When(Schedule((16, 0, 16, 30)))
            .ThenRejected(Rejection.TooManySlotsInDay);

    [Fact]
    public void GivenThirtyFourSlots_WhenTwoMoreAreScheduled_ThenTheDayHoldsThirtySix() =>
        Spec.Given(A.DayScheduled(Enumerable.Range(1, 34).ToArray()))
            .When(Schedule((16, 0, 16, 20)))
            .ThenAccepted();

    [Fact]
    public void WhenTheDayIsToday_AndTheBlockHasStarted_ThenSlotInPast() =>
        Spec.When(Schedule(DateOnly.FromDateTime(A.Now.UtcDateTime), A.Clinician, (7, 0, 9, 0))).ThenRejected(Rejection.SlotInPast);

    [Fact]
    public void WhenTheDayIsToday_AndTheBlockIsLaterToday_ThenItIsAccepted() =>
        Spec.When(Schedule(DateOnly.FromDateTime(A.Now.UtcDateTime), A.Clinician, (8, 10, 9, 0))).ThenAccepted();

    [Fact]
    public void GivenACancelledDay_WhenItIsScheduledAgain_ThenDayAlreadyCancelled() =>
        Spec.Given(A.DayScheduled(1), new DayCancelled(A.ClinicianId, A.Tomorrow, "Ill", [A.Slot(1)], [], "r"))
            .When(Schedule((14, 0, 15, 0)))
            .ThenRejected(Rejection.DayAlreadyCancelled);

    [Fact]
    public void WhenAnotherClinicianSchedulesTheDay_ThenNotYourDay() =>
        Spec.When(Schedule(A.Tomorrow, Actor.Doctor(A.OtherClinicianId), (9, 0, 10, 0))).ThenRejected(Rejection.NotYourDay);

    [Fact]
    public void WhenAPatientSchedulesADay_ThenNotYourDay() =>
        Spec.When(Schedule(A.Tomorrow, A.Patient, (9, 0, 10, 0))).ThenRejected(Rejection.NotYourDay);

    [Fact]
    public void WhenAReceptionistSchedulesForTheClinician_ThenItIsAccepted() =>
        Spec.When(Schedule(A.Tomorrow, A.Receptionist, (9, 0, 10, 0))).ThenAccepted();
}
