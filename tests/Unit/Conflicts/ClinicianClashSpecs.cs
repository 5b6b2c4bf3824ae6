using ClinicPortal.Domain;
using ClinicPortal.Domain.Booking;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Tests.Unit.Support;

namespace ClinicPortal.Tests.Unit.Conflicts;

/// <summary>
/// A clinician sees one patient at a time; staff may book a second patient into the clinician's booked time (squeezed in,
/// the doctor seeing both) by giving a reason: both bookings then hold the slot, and it is free again only when both have
/// let it go.
/// </summary>
public class ClinicianClashSpecs
{
    private static DeciderSpec<BookSlotsDecider, BookSlots, AppointmentToBook, SlotsBooked> Appointment => new();
    private static DeciderSpec<MoveAppointmentDecider, MoveAppointment, MoveRequest, AppointmentMoved> Moving => new();
    private static DeciderSpec<CancelDayDecider, CancelDay, ClinicianDay, DayCancelled> CancellingTheDay => new();
    private static DeciderSpec<RemoveSlotsDecider, RemoveSlots, ClinicianDay, SlotsRemoved> Removing => new();

    private static readonly Guid First = A.Id("first");
    private static readonly Guid Squeezed = A.Id("squeezed");
    private static readonly Guid Third = A.Id("third");
    private static readonly Guid ThirdPatient = A.Id("9a73");

    /// <summary>The other patient holds 09:00 with the doctor; 09:10 is free.</summary>
    private static readonly IClinicEvent[] OtherPatientAt0900 = [A.DayScheduled(1, 2), A.SlotsBooked(First, A.OtherPatientId, 1)];

    /// <summary>...and reception squeezed the patient in at 09:00 too, with a reason.</summary>
    private static readonly IClinicEvent[] BothAt0900 =
        [.. OtherPatientAt0900, A.SlotsBooked(Squeezed, A.PatientId, 1) with { BookedBy = A.Receptionist.Name, OverrideReason = "Urgent: seen between patients" }];

    private static BookSlots Book(Guid booking, Guid patient, Actor by, string? overrideReason = null, int slot = 1) =>
        new(booking, patient, [A.Slot(slot)], by, A.Now, OverrideReason: overrideReason);

    private static AppointmentCancelled Cancelled(Guid booking, Guid patient) =>
        new(booking, patient, A.ClinicianId, A.Tomorrow, [A.MorningSlot(1)], CancellationReason.Staff, "r");

    [Fact]
    public void GivenTheOtherPatientAt0900_WhenStaffBookThePatientThereWithAReason_ThenItIsBookedWithTheOverride() =>
        Appointment.Given(OtherPatientAt0900).When(Book(Squeezed, A.PatientId, A.Receptionist, "  Urgent: seen between patients "))
            .Then(A.SlotsBooked(Squeezed, A.PatientId, 1) with { BookedBy = A.Receptionist.Name, OverrideReason = "Urgent: seen between patients", Overrode = Clash.Clinician });

    [Fact]
    public void GivenTheOtherPatientAt0900_WhenStaffBookThereWithoutAReason_ThenSlotAlreadyBooked() =>
        Appointment.Given(OtherPatientAt0900).When(Book(Squeezed, A.PatientId, A.Receptionist)).ThenRejected(Rejection.SlotAlreadyBooked);

    [Fact]
    public void GivenTheOtherPatientAt0900_WhenThePatientAsksToBeSqueezedIn_ThenNotAllowed() =>
        Appointment.Given(OtherPatientAt0900).When(Book(Squeezed, A.PatientId, A.Patient, "Please")).ThenRejected(Rejection.NotAllowed);

    [Fact]
    public void GivenBothAt0900_WhenTheFirstIsCancelled_ThenTheSlotIsStillTheSqueezedPatients() =>
        Appointment.Given([.. BothAt0900, Cancelled(First, A.OtherPatientId)]).When(Book(Third, ThirdPatient, A.Receptionist))
            .ThenRejected(Rejection.SlotAlreadyBooked);

    [Fact]
    public void GivenBothAt0900_WhenTheSqueezedOneIsCancelled_ThenTheSlotIsStillTheFirstPatients() =>
        Appointment.Given([.. BothAt0900, Cancelled(Squeezed, A.PatientId)]).When(Book(Third, ThirdPatient, A.Receptionist))
            .ThenRejected(Rejection.SlotAlreadyBooked);

    [Fact]
    public void GivenBothAt0900_WhenBothAreCancelled_ThenTheSlotIsFreeAgain() =>
        Appointment.Given([.. BothAt0900, Cancelled(First, A.OtherPatientId), Cancelled(Squeezed, A.PatientId)]).When(Book(Third, ThirdPatient, Actor.Patient(ThirdPatient)))
            .Then(A.SlotsBooked(Third, ThirdPatient, 1) with { BookedBy = Actor.Patient(ThirdPatient).Name });

    [Fact]
    public void GivenBothAt0900_WhenTheSqueezedOneMovesTo0910_ThenTheFirstKeeps0900_AndOthersFindItBooked()
    {
        var move = new MoveAppointment(Squeezed, A.PatientId, Domain.VisitTypes.VisitType.ForSlotCount(1), [A.Slot(2)], A.Receptionist, A.Now);
        var moved = Moving.Given(BothAt0900).When(move).ThenAccepted().Single();
        Assert.Null(moved.OverrideReason); // 09:10 was free: the move breaks no clash
        Appointment.Given([.. BothAt0900, moved]).When(Book(Third, ThirdPatient, A.Receptionist)).ThenRejected(Rejection.SlotAlreadyBooked);
        Appointment.Given([.. BothAt0900, moved]).When(Book(Third, ThirdPatient, A.Receptionist, slot: 2)).ThenRejected(Rejection.SlotAlreadyBooked);
    }

    [Fact]
    public void GivenTheOtherPatientAt0900_WhenStaffMoveThePatientOverThemWithAReason_ThenItMovesWithTheOverride_AndWithoutOneItIsRefused()
    {
        var later = A.SlotsBooked(Squeezed, A.PatientId, 2);
        var move = new MoveAppointment(Squeezed, A.PatientId, later.VisitType, [A.Slot(1)], A.Receptionist, A.Now, OverrideReason: "Doctor agreed");
        Moving.Given([.. OtherPatientAt0900, later]).When(move)
            .Then(new AppointmentMoved(Squeezed, A.PatientId, later.VisitType, A.ClinicianId, A.Tomorrow, [A.MorningSlot(2)],
                A.ClinicianId, A.Tomorrow, [A.MorningSlot(1)], A.Receptionist.Name, "Doctor agreed", Overrode: Clash.Clinician));
        Moving.Given([.. OtherPatientAt0900, later]).When(move with { OverrideReason = null }).ThenRejected(Rejection.SlotAlreadyBooked);
        Moving.Given([.. OtherPatientAt0900, later]).When(move with { By = A.Patient }).ThenRejected(Rejection.NotAllowed);
    }

    [Fact]
    public void GivenBothAt0900_WhenTheDayIsCancelled_ThenBothAppointmentsAreCancelled()
    {
        var cancelled = CancellingTheDay.Given(BothAt0900).When(new CancelDay(A.ClinicianId, A.Tomorrow, "Ill", A.Receptionist, A.Now)).ThenAccepted().Single();
        Assert.Equal(new[] { First, Squeezed }.Order(), cancelled.CancelledAppointments.Select(b => b.AppointmentId).Order());
    }

    [Fact]
    public void GivenBothAt0900_WhenTheClinicianTakesTheSlotBack_ThenSlotAlreadyBooked_UntilBothHaveLetItGo()
    {
        var remove = new RemoveSlots(A.ClinicianId, A.Tomorrow, [A.Slot(1)], A.Clinician, A.Now);
        Removing.Given(BothAt0900).When(remove).ThenRejected(Rejection.SlotAlreadyBooked);
        Removing.Given([.. BothAt0900, Cancelled(First, A.OtherPatientId)]).When(remove).ThenRejected(Rejection.SlotAlreadyBooked);
        Removing.Given([.. BothAt0900, Cancelled(Squeezed, A.PatientId)]).When(remove).ThenRejected(Rejection.SlotAlreadyBooked);
        Removing.Given([.. BothAt0900, Cancelled(First, A.OtherPatientId), Cancelled(Squeezed, A.PatientId)]).When(remove)
            .Then(new SlotsRemoved(A.ClinicianId, A.Tomorrow, [A.Slot(1)]));
    }
}
