using ClinicPortal.Domain.EventStore;
using ClinicPortal.Domain;
using ClinicPortal.Domain.Booking;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Tests.Unit.Support;

namespace ClinicPortal.Tests.Unit.Booking;

public class BookSlotsSpecs
{
    private static DeciderSpec<BookSlotsDecider, BookSlots, AppointmentToBook, SlotsBooked> Spec => new();

    private static BookSlots Book(params int[] slots) => Book(A.Patient, A.PatientId, slots);

    private static BookSlots Book(Actor by, Guid patientId, params int[] slots) =>
        new(A.AppointmentId, patientId, slots.Select(A.Slot).ToArray(), by, A.Now);

    [Fact]
    public void GivenAFreeSlot_WhenThePatientBooksIt_ThenItIsBooked() =>
        Spec.Given(A.DayScheduled(1)).When(Book(1))
            .Then(A.SlotsBooked(A.AppointmentId, A.PatientId, 1));

    /// <summary>What the accounts say (gathered by the handler; the decision owns the rule).</summary>
    [Fact]
    public void WhatTheAccountsSay_StaffBookOnlyForAPatient_NotForADeactivatedOne_NorWithADeactivatedClinician()
    {
        Spec.Given(A.DayScheduled(1)).When(Book(A.Receptionist, A.OtherClinicianId, 1) with { Accounts = new(IsPatient: false) })
            .ThenRejected(Rejection.NotAPatient);
        Spec.Given(A.DayScheduled(1)).When(Book(1) with { Accounts = new(PatientIsActive: false) }).ThenRejected(Rejection.PatientDeactivated);
        Spec.Given(A.DayScheduled(1)).When(Book(A.Receptionist, A.PatientId, 1) with { Accounts = new(PatientIsActive: false) })
            .ThenRejected(Rejection.PatientDeactivated);
        Spec.Given(A.DayScheduled(1)).When(Book(1) with { Accounts = new(ClinicianDeactivated: true) }).ThenRejected(Rejection.ClinicianNotTakingBookings);
        // Said first, before anything the log says: the slot is booked already, yet the account is what is refused.
        Spec.Given(A.DayScheduled(1), A.SlotsBooked(A.Id("first"), A.OtherPatientId, 1)).When(Book(1) with { Accounts = new(PatientIsActive: false) })
            .ThenRejected(Rejection.PatientDeactivated);
        Spec.Given(A.DayScheduled(1)).When(Book(1) with { Accounts = AccountFacts.Active }).Then(A.SlotsBooked(A.AppointmentId, A.PatientId, 1));
    }

    [Fact]
    public void GivenSlot1ScheduledAndBooked_WhenSlot1IsBooked_ThenSlotAlreadyBooked() =>
        Spec.Given(A.DayScheduled(1), A.SlotsBooked(A.Id("first"), A.OtherPatientId, 1))
            .When(Book(1))
            .ThenRejected(Rejection.SlotAlreadyBooked);

    [Fact]
    public void GivenTwoAdjacentFreeSlots_WhenBookedAsADoubleSlot_ThenBothAreBookedInOneAppointment() =>
        Spec.Given(A.DayScheduled(1, 2)).When(Book(2, 1))
            .Then(A.SlotsBooked(A.AppointmentId, A.PatientId, 1, 2));

    [Fact]
    public void GivenTheSecondSlotTaken_WhenADoubleSlotIsBooked_ThenTheWholeAppointmentFailsAndNothingIsBooked() =>
        Spec.Given(A.DayScheduled(1, 2), A.SlotsBooked(A.Id("first"), A.OtherPatientId, 2))
            .When(Book(1, 2))
            .ThenRejected(Rejection.SlotAlreadyBooked);

    [Fact]
    public void GivenACancelledAppointment_WhenItsSlotIsBooked_ThenTheSlotIsAvailableAgain() =>
        Spec.Given(A.DayScheduled(1), A.SlotsBooked(A.Id("first"), A.OtherPatientId, 1),
                new AppointmentCancelled(A.Id("first"), A.OtherPatientId, A.ClinicianId, A.Tomorrow, [A.MorningSlot(1)], CancellationReason.Patient, "p"))
            .When(Book(1))
            .Then(A.SlotsBooked(A.AppointmentId, A.PatientId, 1));

    [Fact]
    public void GivenSlotsWithAGap_WhenBookedAsADoubleSlot_ThenSlotsNotAdjacent() =>
        Spec.Given(A.DayScheduled(1, 3)).When(Book(1, 3)).ThenRejected(Rejection.SlotsNotAdjacent);

    [Fact]
    public void WhenTheSameSlotIsChosenTwice_ThenSlotsNotAdjacent() =>
        Spec.Given(A.DayScheduled(1)).When(Book(1, 1)).ThenRejected(Rejection.SlotsNotAdjacent);

    [Fact]
    public void GivenAdjacentSlotsOfTwoClinicians_WhenBookedAsADoubleSlot_ThenSlotsOfDifferentClinicians() =>
        Spec.Given(A.DayScheduled(1), new DayScheduled(A.OtherClinicianId, A.Tomorrow, [A.MorningSlot(2)]))
            .When(Book(1, 2))
            .ThenRejected(Rejection.SlotsOfDifferentClinicians);

    [Fact]
    public void WhenThreeSlotsAreChosen_ThenTooManySlotsInOneAppointment() =>
        Spec.Given(A.DayScheduled(1, 2, 3)).When(Book(1, 2, 3)).ThenRejected(Rejection.TooManySlotsInOneAppointment);

    [Fact]
    public void WhenNoSlotIsChosen_ThenNoSlotsChosen() =>
        Spec.Given(A.DayScheduled(1)).When(Book()).ThenRejected(Rejection.NoSlotsChosen);

    [Fact]
    public void GivenNoSuchSlot_WhenItIsBooked_ThenSlotNotFound() =>
        Spec.When(Book(7)).ThenRejected(Rejection.SlotNotFound);

    [Fact]
    public void GivenARemovedSlot_WhenItIsBooked_ThenSlotNotFound() =>
        Spec.Given(A.DayScheduled(1), new SlotsRemoved(A.ClinicianId, A.Tomorrow, [A.Slot(1)]))
            .When(Book(1)).ThenRejected(Rejection.SlotNotFound);

    [Fact]
    public void GivenACancelledDay_WhenOneOfItsSlotsIsBooked_ThenDayAlreadyCancelled() =>
        Spec.Given(A.DayScheduled(1), new DayCancelled(A.ClinicianId, A.Tomorrow, "Ill", [A.Slot(1)], [], "r"))
            .When(Book(1)).ThenRejected(Rejection.DayAlreadyCancelled);

    [Fact]
    public void WhenTheCallerNamesTheSlotsDate_TheDecisionReadsThePatientsMonth_NotTheirWholeHistory()
    {
        var named = BookSlotsDecider.QueryFor(Book(1) with { Date = A.Tomorrow });
        var unnamed = BookSlotsDecider.QueryFor(Book(1));

        var patientTags = (Query query) => query.Items.SelectMany(item => item.Tags).Where(tag => tag.Value.StartsWith("patient", StringComparison.Ordinal));
        Assert.Equal([Tag.PatientMonth(A.PatientId, A.Tomorrow)], patientTags(named));
        Assert.Equal([Tag.Patient(A.PatientId)], patientTags(unnamed));
    }

    [Fact]
    public void GivenASlotOfAnotherMonthThanTheCallerNamed_WhenItIsBooked_ThenConflict() =>
        Spec.Given(A.DayScheduled(1))
            .When(Book(1) with { Date = A.Tomorrow.AddMonths(1) })
            .ThenRejected(Rejection.Conflict);

    [Fact]
    public void GivenASlotThatHasStarted_WhenItIsBooked_ThenSlotInPast() =>
        Spec.Given(A.DayScheduled(1))
            .When(new BookSlots(A.AppointmentId, A.PatientId, [A.Slot(1)], A.Patient, A.MorningSlot(1).StartUtc))
            .ThenRejected(Rejection.SlotInPast);

    [Fact]
    public void GivenThePatientHoldsASlotOfAnotherClinicianAtThatTime_WhenTheyBook_ThenPatientAlreadyBookedAtThatTime() =>
        Spec.Given(A.DayScheduled(1, 2),
                new DayScheduled(A.OtherClinicianId, A.Tomorrow, [new ScheduledSlot(A.Slot(11), A.MorningSlot(2).StartUtc)]),
                new SlotsBooked(A.Id("held"), A.PatientId, A.OtherClinicianId, A.Tomorrow,
                    [new ScheduledSlot(A.Slot(11), A.MorningSlot(2).StartUtc)], "p"))
            .When(Book(1, 2))
            .ThenRejected(Rejection.PatientAlreadyBookedAtThatTime);

    [Fact]
    public void GivenThePatientsOverlappingAppointmentWasCancelled_WhenTheyBook_ThenItIsAccepted() =>
        Spec.Given(A.DayScheduled(1),
                new DayScheduled(A.OtherClinicianId, A.Tomorrow, [new ScheduledSlot(A.Slot(11), A.MorningSlot(1).StartUtc)]),
                new SlotsBooked(A.Id("held"), A.PatientId, A.OtherClinicianId, A.Tomorrow, [new ScheduledSlot(A.Slot(11), A.MorningSlot(1).StartUtc)], "p"),
                new AppointmentCancelled(A.Id("held"), A.PatientId, A.OtherClinicianId, A.Tomorrow,
                    [new ScheduledSlot(A.Slot(11), A.MorningSlot(1).StartUtc)], CancellationReason.Patient, "p"))
            .When(Book(1))
            .ThenAccepted();

    [Fact]
    public void GivenAnotherPatientHoldsTheNextSlot_WhenThePatientBooksThisOne_ThenItIsAccepted() =>
        Spec.Given(A.DayScheduled(1, 2), A.SlotsBooked(A.Id("other"), A.OtherPatientId, 2))
            .When(Book(1))
            .ThenAccepted();

    [Fact]
    public void WhenAPatientBooksForAnotherPatient_ThenNotAllowed() =>
        Spec.Given(A.DayScheduled(1)).When(Book(A.Patient, A.OtherPatientId, 1)).ThenRejected(Rejection.NotAllowed);

    [Fact]
    public void WhenAReceptionistBooksForAPatient_ThenItIsBookedInThePatientsName()
    {
        var booked = Assert.IsType<SlotsBooked>(Assert.Single(
            Spec.Given(A.DayScheduled(1)).When(Book(A.Receptionist, A.OtherPatientId, 1)).ThenAccepted()));

        Assert.Equal(A.OtherPatientId, booked.PatientId);
        Assert.Equal(A.Receptionist.Name, booked.BookedBy);
    }

    // Ten slots held in March (slots 1–10, each its own booking); slots 11–12 free.
    private static IClinicEvent[] TenHeldInMarch() =>
        [A.DayScheduled(Enumerable.Range(1, 12).ToArray()), .. Enumerable.Range(1, 10).Select(n => A.SlotsBooked(A.Id($"held{n}"), A.PatientId, n))];

    [Fact]
    public void GivenTenSlotsHeldInTheMonth_WhenAnEleventhIsBooked_ThenMonthlyLimitReached() =>
        Spec.Given(TenHeldInMarch()).When(Book(11)).ThenRejected(Rejection.MonthlyLimitReached);

    [Fact]
    public void GivenNineSlotsHeld_WhenADoubleSlotIsBooked_ThenMonthlyLimitReached_ButASingleIsBooked()
    {
        var nine = TenHeldInMarch().Append(new AppointmentCancelled(A.Id("held10"), A.PatientId, A.ClinicianId, A.Tomorrow, [A.MorningSlot(10)], CancellationReason.Patient, "p")).ToArray();

        Spec.Given(nine).When(Book(11, 12)).ThenRejected(Rejection.MonthlyLimitReached);
        Spec.Given(nine).When(Book(11)).Then(A.SlotsBooked(A.AppointmentId, A.PatientId, 11));
    }

    [Fact]
    public void GivenTenSlotsHeldByAnotherPatient_WhenThisPatientBooks_ThenItIsBooked() =>
        Spec.Given([A.DayScheduled(Enumerable.Range(1, 12).ToArray()), .. Enumerable.Range(1, 10).Select(n => A.SlotsBooked(A.Id($"other{n}"), A.OtherPatientId, n))])
            .When(Book(11))
            .Then(A.SlotsBooked(A.AppointmentId, A.PatientId, 11));
}
