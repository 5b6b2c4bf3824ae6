using ClinicPortal.Domain;
using ClinicPortal.Domain.Booking;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Tests.Unit.Support;

namespace ClinicPortal.Tests.Unit.Booking;

/// <summary>
/// A dependant (a child booked for by a parent) is a patient in their own right: their own monthly limit, never in two
/// appointments at once; the parent's own time does not block theirs, and a parent books two children at once with two
/// clinicians. The parent books, moves and cancels for them; a stranger does none of it.
/// </summary>
public class DependantSpecs
{
    private static readonly Guid Parent = A.PatientId;
    private static readonly Guid Sam = A.Id("5a11");
    private static readonly Guid Lily = A.Id("1111");

    /// <summary>The parent, as the handlers give them to the decision: with the children their account books for.</summary>
    private static Actor ParentActing => Actor.Patient(Parent) with { Dependants = [Sam, Lily] };

    private static DeciderSpec<BookSlotsDecider, BookSlots, AppointmentToBook, SlotsBooked> Booking => new();

    private static BookSlots Book(Actor by, Guid patientId, Guid appointmentId, params Guid[] slots) =>
        new(appointmentId, patientId, slots, by, A.Now, A.Tomorrow);

    private static BookSlots Book(Actor by, Guid patientId, params int[] slots) => Book(by, patientId, A.AppointmentId, slots.Select(A.Slot).ToArray());

    /// <summary>Dr Hart's morning (slots 1–12) and a second clinician's slots 21–22 at the same times as Hart's 1–2.</summary>
    private static IClinicEvent[] TwoClinicians =>
    [
        A.DayScheduled(Enumerable.Range(1, 12).ToArray()),
        new DayScheduled(A.OtherClinicianId, A.Tomorrow, [new ScheduledSlot(A.Slot(21), A.MorningSlot(1).StartUtc), new ScheduledSlot(A.Slot(22), A.MorningSlot(2).StartUtc)]),
    ];

    private static SlotsBooked WithOther(Guid appointment, Guid patient, int slot) =>
        new(appointment, patient, A.OtherClinicianId, A.Tomorrow, [new ScheduledSlot(A.Slot(slot), A.MorningSlot(slot - 20).StartUtc)], patient.ToString());

    [Fact]
    public void TheParentBooksForTheirChild_InTheChildsName_RecordedAsBookedByTheParent()
    {
        var booked = Assert.Single(Booking.Given(A.DayScheduled(1)).When(Book(ParentActing, Sam, 1)).ThenAccepted());
        Assert.Equal(Sam, booked.PatientId);
        Assert.Equal(Actor.Patient(Parent).Name, booked.BookedBy); // the log says who did it: the account holder
    }

    [Fact]
    public void AnActorIsWhoTheyAre_WhateverTheAccountsSaidOfTheirDependants()
    {
        Assert.Equal(Actor.Patient(Parent), ParentActing);
        Assert.Equal(Actor.Patient(Parent).GetHashCode(), ParentActing.GetHashCode());
        Assert.NotEqual(Actor.Patient(Sam), ParentActing);
        Assert.False(Actor.Receptionist(Sam).IsOtherPatientThan(Parent)); // staff act for any patient
    }

    [Fact]
    public void TheApiTakesADependantAsThePatient_FromTheirAccountHolderOnly()
    {
        Assert.Equal((Sam, null), Features.Api.ApiValues.PatientOf(ParentActing, Sam));
        Assert.Equal((Parent, null), Features.Api.ApiValues.PatientOf(ParentActing, null));
        var (_, refused) = Features.Api.ApiValues.PatientOf(Actor.Patient(A.OtherPatientId), Sam);
        Assert.Equal(Microsoft.AspNetCore.Http.StatusCodes.Status403Forbidden, refused?.StatusCode);
    }

    [Fact]
    public void AStranger_OrTheParentWithoutTheLinkTheAccountsGive_MayNotBookForTheChild()
    {
        Booking.Given(A.DayScheduled(1)).When(Book(Actor.Patient(A.OtherPatientId), Sam, 1)).ThenRejected(Rejection.NotAllowed);
        Booking.Given(A.DayScheduled(1)).When(Book(Actor.Patient(Parent), Sam, 1)).ThenRejected(Rejection.NotAllowed);
        // A child's account speaks for no one: a dependant never books for their parent.
        Booking.Given(A.DayScheduled(1)).When(Book(Actor.Patient(Sam), Parent, 1)).ThenRejected(Rejection.NotAllowed);
    }

    [Fact]
    public void TheChildHasTheirOwnMonthlyLimit_AndTheParentsFullMonthDoesNotStopTheChild()
    {
        IClinicEvent[] childFull = [A.DayScheduled(Enumerable.Range(1, 12).ToArray()), .. Enumerable.Range(1, 10).Select(n => A.SlotsBooked(A.Id($"sam{n}"), Sam, n))];
        Booking.Given(childFull).When(Book(ParentActing, Sam, 11)).ThenRejected(Rejection.MonthlyLimitReached);
        Booking.Given(childFull).When(Book(ParentActing, Parent, 11)).ThenAccepted(); // the child's ten are not the parent's

        IClinicEvent[] parentFull = [A.DayScheduled(Enumerable.Range(1, 12).ToArray()), .. Enumerable.Range(1, 10).Select(n => A.SlotsBooked(A.Id($"own{n}"), Parent, n))];
        Booking.Given(parentFull).When(Book(ParentActing, Sam, 11)).ThenAccepted();
    }

    [Fact]
    public void TheChildIsNeverInTwoAppointmentsAtOnce_ButTheParentsOwnTimeDoesNotBlockTheChild()
    {
        // Sam is with the other clinician at 09:00: not also with Dr Hart then.
        Booking.Given([.. TwoClinicians, WithOther(A.Id("sam-other"), Sam, 21)]).When(Book(ParentActing, Sam, 1))
            .ThenRejected(Rejection.PatientAlreadyBookedAtThatTime);
        // The parent is with the other clinician at 09:00: Sam may still be seen by Dr Hart then (the parent brings them after).
        Booking.Given([.. TwoClinicians, WithOther(A.Id("own-other"), Parent, 21)]).When(Book(ParentActing, Sam, 1)).ThenAccepted();
        // And the child's appointment does not block the parent's own.
        Booking.Given([.. TwoClinicians, WithOther(A.Id("sam-other"), Sam, 21)]).When(Book(ParentActing, Parent, 1)).ThenAccepted();
    }

    [Fact]
    public void AParentBooksTwoChildrenAtTheSameTimeWithTwoClinicians()
    {
        var lilyAtNine = Assert.Single(Booking.Given(TwoClinicians).When(Book(ParentActing, Lily, A.Id("lily"), A.Slot(21))).ThenAccepted());
        Booking.Given([.. TwoClinicians, lilyAtNine]).When(Book(ParentActing, Sam, 1)).ThenAccepted();
        // Back to back with one clinician too.
        Booking.Given([.. TwoClinicians, A.SlotsBooked(A.Id("lily-hart"), Lily, 1)]).When(Book(ParentActing, Sam, 2)).ThenAccepted();
    }

    private static DeciderSpec<CancelAppointmentDecider, CancelAppointment, AppointmentState, AppointmentCancelled> Cancelling => new();

    [Fact]
    public void TheParentCancelsTheChildsAppointment_AStrangerMayNot()
    {
        var cancelled = Assert.Single(Cancelling.Given(A.DayScheduled(1), A.SlotsBooked(A.AppointmentId, Sam, 1))
            .When(new CancelAppointment(A.AppointmentId, CancellationReason.Patient, ParentActing, A.Now)).ThenAccepted());
        Assert.Equal((Sam, Actor.Patient(Parent).Name), (cancelled.PatientId, cancelled.By));
        Cancelling.Given(A.DayScheduled(1), A.SlotsBooked(A.AppointmentId, Sam, 1))
            .When(new CancelAppointment(A.AppointmentId, CancellationReason.Patient, Actor.Patient(A.OtherPatientId), A.Now))
            .ThenRejected(Rejection.NotYourAppointment);
    }

    private static DeciderSpec<MoveAppointmentDecider, MoveAppointment, MoveRequest, AppointmentMoved> Moving => new();

    private static MoveAppointment Move(Actor by, int slot) =>
        new(A.AppointmentId, Sam, Domain.VisitTypes.VisitType.ForSlotCount(1), [A.Slot(slot)], by, A.Now, A.Tomorrow);

    [Fact]
    public void TheParentMovesTheChildsAppointment_WithinTheChildsOwnTime_AStrangerMayNot()
    {
        IClinicEvent[] given = [.. TwoClinicians, A.SlotsBooked(A.AppointmentId, Sam, 1)];
        var moved = Assert.Single(Moving.Given(given).When(Move(ParentActing, 3)).ThenAccepted());
        Assert.Equal((Sam, A.Slot(3)), (moved.PatientId, moved.ToSlots.Single().SlotId));
        // Not onto a time the child is already with someone else; the parent's own appointment then is no clash.
        Moving.Given([.. given, WithOther(A.Id("sam-other"), Sam, 22)]).When(Move(ParentActing, 2)).ThenRejected(Rejection.PatientAlreadyBookedAtThatTime);
        Moving.Given([.. given, WithOther(A.Id("own-other"), Parent, 22)]).When(Move(ParentActing, 2)).ThenAccepted();
        Moving.Given(given).When(Move(Actor.Patient(A.OtherPatientId), 3)).ThenRejected(Rejection.NotYourAppointment);
    }
}
