using ClinicPortal.Domain;
using ClinicPortal.Domain.EventStore;
using ClinicPortal.Domain.Policies;
using ClinicPortal.Tests.Unit.Support;

namespace ClinicPortal.Tests.Unit.Policies;

public class MonthlyQuotaSpecs
{
    private static readonly DateOnly March = new(2026, 3, 10);
    private static readonly DateOnly April = new(2026, 4, 10);

    private static DeciderSpec<MonthlyQuotaDecider, ApplyMonthlyQuota, PatientAppointments, AppointmentCancelled> Spec => new();

    private static ApplyMonthlyQuota Apply(DateTimeOffset? now = null) => ApplyMonthlyQuota.For(A.PatientId, now ?? A.Now);

    /// <summary>A booking of <paramref name="slots"/> adjacent morning slots starting at slot <paramref name="first"/>.</summary>
    private static SlotsBooked Booked(string id, DateOnly date, int first, int slots = 1) =>
        new(A.Id(id), A.PatientId, A.ClinicianId, date, Enumerable.Range(first, slots).Select(n => A.MorningSlot(n, date)).ToArray(), "patient");

    private static SlotsBooked[] Singles(int count, DateOnly date, int firstSlot = 1) =>
        Enumerable.Range(0, count).Select(i => Booked($"m{date.Month}-{i}", date, firstSlot + i)).ToArray();

    private static AppointmentCancelled CancelledOverTheLimit(SlotsBooked booked) =>
        new(booked.AppointmentId, booked.PatientId, booked.ClinicianId, booked.Date, booked.Slots, CancellationReason.QuotaExceeded, Actor.QuotaPolicy.Name);

    [Fact]
    public void AppliedToOneMonth_ItReadsThatMonthOfThePatientsAppointments_OtherwiseAllOfThem()
    {
        Assert.Equal([Tag.PatientMonth(A.PatientId, March)],
            MonthlyQuotaDecider.QueryFor(ApplyMonthlyQuota.For(A.PatientId, A.Now, March)).Items.SelectMany(item => item.Tags));
        Assert.Equal([Tag.Patient(A.PatientId)], MonthlyQuotaDecider.QueryFor(Apply()).Items.SelectMany(item => item.Tags));
    }

    [Fact]
    public void GivenTenSlotsInAMonth_ThenNothingIsCancelled() =>
        Spec.Given(Singles(10, March)).When(Apply()).Then();

    [Fact]
    public void GivenElevenSlotsInAMonth_ThenTheAppointmentMadeLastIsCancelled()
    {
        var eleven = Singles(11, March);
        Spec.Given(eleven).When(Apply()).Then(CancelledOverTheLimit(eleven[10]));
    }

    [Fact]
    public void GivenNineSlotsAndThenADoubleSlot_ThenTheDoubleSlotIsCancelledWhole()
    {
        var twoSlots = Booked("double", March, 20, slots: 2);
        Spec.Given([.. Singles(9, March), twoSlots]).When(Apply()).Then(CancelledOverTheLimit(twoSlots));
    }

    [Fact]
    public void GivenFourteenSlotsInAMonth_ThenTheFourMadeLastAreCancelledInOneDecision()
    {
        var fourteen = Singles(14, March);
        Spec.Given(fourteen).When(Apply()).Then([.. new[] { 13, 12, 11, 10 }.Select(i => CancelledOverTheLimit(fourteen[i]))]);
    }

    [Fact]
    public void GivenTenSlotsInEachOfTwoMonths_ThenNothingIsCancelled() =>
        Spec.Given([.. Singles(10, March), .. Singles(10, April)]).When(Apply()).Then();

    [Fact]
    public void GivenElevenSlotsOfWhichThePatientCancelledOne_ThenNothingIsCancelled()
    {
        var eleven = Singles(11, March);
        var own = new AppointmentCancelled(eleven[0].AppointmentId, A.PatientId, A.ClinicianId, March, eleven[0].Slots, CancellationReason.Patient, "patient");
        Spec.Given([.. eleven, own]).When(Apply()).Then();
    }

    [Fact]
    public void GivenElevenSlotsWhereTheLatestVisitHasStarted_ThenTheLatestNotYetStartedIsCancelledInstead()
    {
        // Booked last, but for the earliest time of the day: by the time the policy runs, that visit is under way.
        var ten = Singles(10, March, firstSlot: 2);
        var earliestBookedLast = Booked("early", March, 1);
        var whenItHasStarted = earliestBookedLast.Slots[0].StartUtc.AddMinutes(1);
        Spec.Given([.. ten, earliestBookedLast]).When(Apply(whenItHasStarted)).Then(CancelledOverTheLimit(ten[9]));
    }

    [Fact]
    public void GivenElevenSlotsWhereTheLatestWasMarked_ThenItIsKeptAndAnotherGoes()
    {
        var eleven = Singles(11, March);
        var marked = new VisitMarked(eleven[10].AppointmentId, A.PatientId, A.ClinicianId, March, VisitOutcome.Arrived, "reception");
        Spec.Given([.. eleven, marked]).When(Apply()).Then(CancelledOverTheLimit(eleven[9]));
    }

    [Theory]
    [InlineData(0, 0, 10)]
    [InlineData(4, 0, 6)]
    [InlineData(10, 0, 0)]
    [InlineData(12, 0, 0)] // over the limit (staff booked over it, or the policy has yet to act): none left, never fewer
    [InlineData(10, 2, 2)] // a booking of 2 slots being moved within its month: its own slots do not count against it
    public void TheSlotsLeftInAMonth_AreTheLimitLessThoseHeld_AnAppointmentBeingMovedNotCountingAgainstItself(int used, int moving, int left) =>
        Assert.Equal(left, MonthlyQuota.SlotsLeft(used, moving));

    [Theory]
    [InlineData(9, 1, false)]
    [InlineData(9, 2, true)]
    [InlineData(0, 11, true)]
    public void AnAppointmentGoesOverTheLimit_OnlyWhenWhatIsHeldAndWhatItAddsPassTen(int used, int adding, bool over) =>
        Assert.Equal(over, MonthlyQuota.WouldExceed(used, adding));
}
