using ClinicPortal.Domain;
using ClinicPortal.Domain.Booking;
using ClinicPortal.Domain.EventStore;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Tests.Unit.Support;

namespace ClinicPortal.Tests.Unit.Holds;

/// <summary>
/// A hold keeps a time for the patient for a few minutes while they confirm: no one else books or holds it until it runs
/// out; confirming turns it into the booking (every rule judged again); it is given back at its due time, once.
/// </summary>
public class HoldSpecs
{
    private static DeciderSpec<PlaceHoldDecider, PlaceHold, AppointmentToBook, HoldPlaced> Holding => new();
    private static DeciderSpec<BookSlotsDecider, BookSlots, AppointmentToBook, SlotsBooked> Appointment => new();
    private static DeciderSpec<ExpireHoldDecider, ExpireHold, HoldState?, HoldExpired> Expiring => new();
    private static DeciderSpec<ReleaseHoldDecider, ReleaseHold, HoldState?, HoldReleased> Releasing => new();

    private static readonly Guid HoldId = A.Id("hold");
    private static readonly DateTimeOffset Expires = A.Now.AddMinutes(5);
    private static readonly Guid Consultation = Domain.VisitTypes.VisitType.ForSlotCount(1);

    private static PlaceHold Hold(Guid? patient = null, int slot = 1, Guid? holdId = null, DateTimeOffset? now = null) =>
        new(holdId ?? HoldId, patient ?? A.PatientId, [A.Slot(slot)], Actor.Patient(patient ?? A.PatientId), now ?? A.Now, (now ?? A.Now).AddMinutes(5));

    private static HoldPlaced Held(Guid? patient = null, int slot = 1, Guid? holdId = null) =>
        new(holdId ?? HoldId, patient ?? A.PatientId, A.ClinicianId, A.Tomorrow, [A.MorningSlot(slot)], Consultation, Expires,
            Actor.Patient(patient ?? A.PatientId).Name);

    private static BookSlots Confirm(DateTimeOffset? now = null, Guid? patient = null, int slot = 1) =>
        new(A.AppointmentId, patient ?? A.PatientId, [A.Slot(slot)], Actor.Patient(patient ?? A.PatientId), now ?? A.Now.AddMinutes(2), HoldId: HoldId);

    private static BookSlots OtherBooks(DateTimeOffset? now = null) =>
        new(A.Id("other-booking"), A.OtherPatientId, [A.Slot(1)], Actor.Patient(A.OtherPatientId), now ?? A.Now.AddMinutes(1));

    [Fact]
    public void AHoldIsJudgedOnWhatTheAccountsSay_AsAnAppointmentIs()
    {
        Holding.Given(A.DayScheduled(1)).When(Hold() with { Accounts = new(PatientIsActive: false) }).ThenRejected(Rejection.PatientDeactivated);
        Holding.Given(A.DayScheduled(1)).When(Hold() with { Accounts = new(ClinicianDeactivated: true) }).ThenRejected(Rejection.ClinicianNotTakingBookings);
        Holding.Given(A.DayScheduled(1)).When(Hold() with { Accounts = AccountFacts.Active }).ThenAccepted();
    }

    [Fact]
    public void WhenThePatientHoldsAFreeSlot_ThenHoldPlaced_UntilFiveMinutesOn_TaggedAsTheirHoldOfTheSlot()
    {
        var placed = Holding.Given(A.DayScheduled(1, 2)).When(Hold()).ThenAccepted().Single();
        Assert.Equal(A.Describe(Held()), A.Describe(placed));
        var tags = EventTags.Of(placed);
        Assert.Contains(Tag.Hold(HoldId), tags);
        Assert.Contains(Tag.PatientHolds(A.PatientId), tags);
        Assert.Contains(Tag.Slot(A.Slot(1)), tags);
        Assert.Contains(Tag.Day(A.ClinicianId, A.Tomorrow), tags);
    }

    [Fact]
    public void GivenAnotherPatientsHold_WhenThisPatientBooksOrHoldsTheSlot_ThenSlotHeld()
    {
        Appointment.Given(A.DayScheduled(1), Held()).When(OtherBooks()).ThenRejected(Rejection.SlotHeld);
        Holding.Given(A.DayScheduled(1), Held()).When(Hold(A.OtherPatientId, holdId: A.Id("h2"))).ThenRejected(Rejection.SlotHeld);
    }

    [Fact]
    public void GivenAHoldPastItsTime_NotYetLoggedExpired_WhenAnotherPatientBooks_ThenItIsBooked() =>
        Appointment.Given(A.DayScheduled(1), Held()).When(OtherBooks(Expires)).ThenAccepted();

    [Fact]
    public void GivenABookedSlot_WhenItIsHeld_ThenSlotAlreadyBooked() =>
        Holding.Given(A.DayScheduled(1), A.SlotsBooked(A.Id("b"), A.OtherPatientId, 1)).When(Hold()).ThenRejected(Rejection.SlotAlreadyBooked);

    [Fact]
    public void GivenAPendingHold_WhenASecondIsPlaced_ThenTooManyHolds_ButOnceTheFirstWasConfirmedItIsPlaced()
    {
        IClinicEvent[] one = [A.DayScheduled(1, 2, 3), Held(slot: 1)];
        Holding.Given(one).When(Hold(slot: 3, holdId: A.Id("h2"))).ThenRejected(Rejection.TooManyHolds);
        Holding.Given([.. one, A.SlotsBooked(A.AppointmentId, A.PatientId, 1) with { HoldId = HoldId }]).When(Hold(slot: 3, holdId: A.Id("h2"))).ThenAccepted();
    }

    [Fact]
    public void GivenAPendingHold_WhenAHoldOverlappingItIsPlaced_ThenHoldOverlapsOwnHold()
    {
        var nurse = A.Id("nurse");
        var nurseDay = A.DayScheduled(1) with { ClinicianId = nurse, Slots = [A.MorningSlot(1) with { SlotId = A.Id("nurse-slot") }] };
        var hold = new PlaceHold(A.Id("h2"), A.PatientId, [A.Id("nurse-slot")], A.Patient, A.Now, A.Now.AddMinutes(5));
        Holding.Given(A.DayScheduled(1), nurseDay, Held(slot: 1)).When(hold).ThenRejected(Rejection.HoldOverlapsOwnHold);
    }

    [Fact]
    public void GivenAHoldLetGoOrRunOut_WhenThePatientHoldsThatClinicianAgainWithinTheCoolDown_ThenHoldCoolingDown_ButAnotherClinicianOrLaterIsFine()
    {
        var coolDown = HoldLimits.Default.CoolDown;
        var released = new HoldReleased(HoldId, A.PatientId, A.ClinicianId, A.Tomorrow, [A.MorningSlot(1)], "p", At: A.Now);
        IClinicEvent[] letGo = [A.DayScheduled(1, 2, 3), Held(slot: 1), released];
        Holding.Given(letGo).When(Hold(slot: 3, holdId: A.Id("h2"), now: A.Now + coolDown - TimeSpan.FromSeconds(1))).ThenRejected(Rejection.HoldCoolingDown);
        Holding.Given(letGo).When(Hold(slot: 3, holdId: A.Id("h2"), now: A.Now + coolDown)).ThenAccepted();

        // Run out, logged or not yet: the cool-down runs from its time.
        Holding.Given(A.DayScheduled(1, 2, 3), Held(slot: 1)).When(Hold(slot: 3, holdId: A.Id("h2"), now: Expires.AddMinutes(1))).ThenRejected(Rejection.HoldCoolingDown);
        Holding.Given(A.DayScheduled(1, 2, 3), Held(slot: 1), new HoldExpired(HoldId, A.PatientId, A.ClinicianId, A.Tomorrow, [A.MorningSlot(1)], Expires))
            .When(Hold(slot: 3, holdId: A.Id("h2"), now: Expires + coolDown)).ThenAccepted();

        // Another clinician's time is not cooling down.
        var other = A.Id("other-clinician");
        var otherDay = A.DayScheduled(1) with { ClinicianId = other, Slots = [A.MorningSlot(4) with { SlotId = A.Id("other-slot") }] };
        Holding.Given([.. letGo, otherDay]).When(new PlaceHold(A.Id("h3"), A.PatientId, [A.Id("other-slot")], A.Patient, A.Now.AddMinutes(1), A.Now.AddMinutes(6)))
            .ThenAccepted();

        // A release logged before releases said when starts none.
        Holding.Given(A.DayScheduled(1, 2, 3), Held(slot: 1), released with { At = null }).When(Hold(slot: 3, holdId: A.Id("h2"), now: A.Now.AddMinutes(1))).ThenAccepted();
    }

    [Fact]
    public void GivenAsManyHoldsLetGoOnADayAsAllowed_WhenAnotherTimeThatDayIsHeld_ThenTooManyHoldsThatDay_ButABookedOneDoesNotCount()
    {
        var limits = new HoldLimits(MaxPerDay: 2, CoolDown: TimeSpan.Zero);
        HoldReleased Let(int n) => new(A.Id($"h{n}"), A.PatientId, A.ClinicianId, A.Tomorrow, [A.MorningSlot(n)], "p", At: A.Now);
        IClinicEvent[] twice = [A.DayScheduled(1, 2, 3, 4), Held(slot: 1, holdId: A.Id("h1")), Let(1), Held(slot: 2, holdId: A.Id("h2")), Let(2)];
        Holding.Given(twice).When(Hold(slot: 3, holdId: A.Id("h3")) with { Limits = limits }).ThenRejected(Rejection.TooManyHoldsThatDay);

        IClinicEvent[] onceAndBooked = [A.DayScheduled(1, 2, 3, 4), Held(slot: 1, holdId: A.Id("h1")), Let(1), Held(slot: 2, holdId: A.Id("h2")),
            A.SlotsBooked(A.AppointmentId, A.PatientId, 2) with { HoldId = A.Id("h2") }];
        Holding.Given(onceAndBooked).When(Hold(slot: 3, holdId: A.Id("h3")) with { Limits = limits }).ThenAccepted();
    }

    [Fact]
    public void GivenAHold_WhenThePatientConfirmsInTime_ThenTheAppointmentNamesTheHold_AndTheSlotIsBooked()
    {
        var booked = Appointment.Given(A.DayScheduled(1), Held()).When(Confirm()).ThenAccepted().Single();
        Assert.Equal(A.Describe(A.SlotsBooked(A.AppointmentId, A.PatientId, 1) with { BookedBy = A.Patient.Name, HoldId = HoldId }), A.Describe(booked));
        Assert.Contains(Tag.Hold(HoldId), EventTags.Of(booked));
        Appointment.Given(A.DayScheduled(1), Held(), booked).When(OtherBooks(Expires.AddMinutes(1))).ThenRejected(Rejection.SlotAlreadyBooked);
    }

    [Fact]
    public void GivenAHold_WhenConfirmedAtOrAfterItsTime_ThenHoldExpired_LoggedExpiredOrNot()
    {
        Appointment.Given(A.DayScheduled(1), Held()).When(Confirm(Expires)).ThenRejected(Rejection.HoldExpired);
        Appointment.Given(A.DayScheduled(1), Held(), new HoldExpired(HoldId, A.PatientId, A.ClinicianId, A.Tomorrow, [A.MorningSlot(1)], Expires))
            .When(Confirm(A.Now.AddMinutes(1))).ThenRejected(Rejection.HoldExpired);
    }

    [Fact]
    public void GivenAReleasedHold_WhenConfirmed_ThenHoldNotPending_AndAnotherPatientsHoldCannotBeConfirmed()
    {
        Appointment.Given(A.DayScheduled(1), Held(), new HoldReleased(HoldId, A.PatientId, A.ClinicianId, A.Tomorrow, [A.MorningSlot(1)], "p"))
            .When(Confirm()).ThenRejected(Rejection.HoldNotPending);
        Appointment.Given(A.DayScheduled(1), Held(A.OtherPatientId)).When(Confirm()).ThenRejected(Rejection.HoldNotFound);
        Appointment.Given(A.DayScheduled(1, 2), Held()).When(Confirm(slot: 2)).ThenRejected(Rejection.Conflict);
    }

    [Fact]
    public void GivenAHold_WhenThePatientReachedTheMonthsLimitMeanwhile_ThenConfirmingIsRefused_ForEveryRuleIsJudgedAgain()
    {
        var full = Enumerable.Range(2, 10).Select(n => A.SlotsBooked(A.Id($"b{n}"), A.PatientId, n)).ToArray();
        Appointment.Given([A.DayScheduled(Enumerable.Range(1, 11).ToArray()), Held(), .. full]).When(Confirm()).ThenRejected(Rejection.MonthlyLimitReached);
    }

    [Fact]
    public void GivenAPendingHold_AtItsTime_TheClockExpiresItOnce_AndNotBefore()
    {
        var expired = new HoldExpired(HoldId, A.PatientId, A.ClinicianId, A.Tomorrow, [A.MorningSlot(1)], Expires);
        Expiring.Given(Held()).When(new ExpireHold(HoldId, Actor.Timers, Expires)).Then(expired);
        Expiring.Given(Held()).When(new ExpireHold(HoldId, Actor.Timers, Expires.AddSeconds(-1))).Then();
        Expiring.Given(Held(), expired).When(new ExpireHold(HoldId, Actor.Timers, Expires.AddMinutes(1))).Then();
        Expiring.Given(Held(), A.SlotsBooked(A.AppointmentId, A.PatientId, 1) with { HoldId = HoldId }).When(new ExpireHold(HoldId, Actor.Timers, Expires)).Then();
        Expiring.Given(Held()).When(new ExpireHold(HoldId, A.Patient, Expires)).ThenRejected(Rejection.NotAllowed);
    }

    [Fact]
    public void GivenAPendingHold_WhenThePatientLetsItGo_ThenHoldReleased_AndTheSlotIsFreeAtOnce()
    {
        var released = new HoldReleased(HoldId, A.PatientId, A.ClinicianId, A.Tomorrow, [A.MorningSlot(1)], A.Patient.Name, At: A.Now);
        Releasing.Given(Held()).When(new ReleaseHold(HoldId, A.Patient, A.Now)).Then(released);
        Releasing.Given(Held()).When(new ReleaseHold(HoldId, Actor.Patient(A.OtherPatientId), A.Now)).ThenRejected(Rejection.HoldNotFound);
        Releasing.Given(Held(), released).When(new ReleaseHold(HoldId, A.Patient, A.Now)).Then();
        Appointment.Given(A.DayScheduled(1), Held(), released).When(OtherBooks()).ThenAccepted();
    }
}

public class HoldAuditTextTests
{
    [Fact]
    public void HoldsReadAsSentences_AndTheClockIsNamedAsSuch()
    {
        var text = new Features.Admin.Audit.AuditText(new Dictionary<Guid, string> { [A.ClinicianId] = "Dr Hart", [A.PatientId] = "Pat Lee" },
            t => PracticeTime.ToLocal(t, A.London).ToString("HH:mm"));
        var slots = new[] { A.MorningSlot(1) };
        Assert.Equal("Held 09:00–09:10 on Tue 3 Mar 2026 with Dr Hart for Pat Lee while they confirm, until 08:05",
            text.What(new HoldPlaced(A.Id("h"), A.PatientId, A.ClinicianId, A.Tomorrow, slots, Domain.VisitTypes.VisitType.ForSlotCount(1), A.Now.AddMinutes(5), "p")));
        Assert.Equal("Gave back the time held for Pat Lee, 09:00–09:10 on Tue 3 Mar 2026 with Dr Hart: unconfirmed by 08:05",
            text.What(new HoldExpired(A.Id("h"), A.PatientId, A.ClinicianId, A.Tomorrow, slots, A.Now.AddMinutes(5))));
        Assert.Equal("ClinicPortal (on time)", text.Who(Actor.Timers.Name));
        Assert.Equal("ClinicPortal (monthly quota)", text.Who(Actor.QuotaPolicy.Name));
    }
}

public class RemovingAHeldSlotSpecs
{
    private static DeciderSpec<RemoveSlotsDecider, RemoveSlots, ClinicianDay, SlotsRemoved> Removing => new();

    private static readonly HoldPlaced Held = new(A.Id("hold"), A.PatientId, A.ClinicianId, A.Tomorrow, [A.MorningSlot(1)], Domain.VisitTypes.VisitType.ForSlotCount(1),
        A.Now.AddMinutes(5), "p");

    private static RemoveSlots Remove(DateTimeOffset now) => new(A.ClinicianId, A.Tomorrow, [A.Slot(1)], A.Clinician, now);

    [Fact]
    public void WhileAPatientConfirmsIt_TheClinicianCannotTakeTheSlotBack_ButOnceTheHoldHasRunOutOrGoneTheyCan()
    {
        Removing.Given(A.DayScheduled(1), Held).When(Remove(A.Now)).ThenRejected(Rejection.SlotHeld);
        Removing.Given(A.DayScheduled(1), Held).When(Remove(Held.ExpiresAt)).Then(new SlotsRemoved(A.ClinicianId, A.Tomorrow, [A.Slot(1)]));
        Removing.Given(A.DayScheduled(1), Held, new HoldReleased(Held.HoldId, A.PatientId, A.ClinicianId, A.Tomorrow, [A.MorningSlot(1)], "p"))
            .When(Remove(A.Now)).Then(new SlotsRemoved(A.ClinicianId, A.Tomorrow, [A.Slot(1)]));
        Removing.Given(A.DayScheduled(1), Held, A.SlotsBooked(A.AppointmentId, A.PatientId, 1) with { HoldId = Held.HoldId })
            .When(Remove(A.Now)).ThenRejected(Rejection.SlotAlreadyBooked);
    }
}
