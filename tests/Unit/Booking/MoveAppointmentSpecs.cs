using ClinicPortal.Domain;
using ClinicPortal.Domain.Booking;
using ClinicPortal.Domain.VisitTypes;
using ClinicPortal.Tests.Unit.Support;

namespace ClinicPortal.Tests.Unit.Booking;

/// <summary>Moving a booking: one decision over its old and new slots; the old time stays the patient's until the new one is secured.</summary>
public class MoveAppointmentSpecs
{
    private static DeciderSpec<MoveAppointmentDecider, MoveAppointment, MoveRequest, AppointmentMoved> Spec => new();

    private static readonly Guid Appointment = A.Id("mine");

    private static MoveAppointment Move(Actor by, params int[] slots) =>
        new(Appointment, A.PatientId, VisitType.ForSlotCount(slots.Length), slots.Select(A.Slot).ToArray(), by, A.Now);

    private static MoveAppointment Move(params int[] slots) => Move(A.Patient, slots);

    private static AppointmentMoved Moved(int[] from, int[] to) =>
        new(Appointment, A.PatientId, VisitType.ForSlotCount(from.Length), A.ClinicianId, A.Tomorrow, from.Select(n => A.MorningSlot(n)).ToArray(),
            A.ClinicianId, A.Tomorrow, to.Select(n => A.MorningSlot(n)).ToArray(), A.PatientId.ToString());

    [Fact]
    public void GivenAnAppointmentAt0900_WhenThePatientMovesItTo0920_ThenItIsMoved() =>
        Spec.Given(A.DayScheduled(1, 2, 3), A.SlotsBooked(Appointment, A.PatientId, 1)).When(Move(3)).Then(Moved([1], [3]));

    [Fact]
    public void GivenALongConsultation_WhenItMovesTenMinutesLater_ItMayTakeItsOwnSecondSlot() =>
        Spec.Given(A.DayScheduled(1, 2, 3), A.SlotsBooked(Appointment, A.PatientId, 1, 2)).When(Move(2, 3)).Then(Moved([1, 2], [2, 3]));

    [Fact]
    public void GivenTheNewTimeTakenBySomeoneElse_WhenMoved_ThenSlotAlreadyBooked_AndTheOldTimeStays() =>
        Spec.Given(A.DayScheduled(1, 2, 3), A.SlotsBooked(Appointment, A.PatientId, 1), A.SlotsBooked(A.Id("other"), A.OtherPatientId, 3))
            .When(Move(3)).ThenRejected(Rejection.SlotAlreadyBooked);

    [Fact]
    public void WhenAnotherPatientMovesIt_ThenNotYourAppointment() =>
        Spec.Given(A.DayScheduled(1, 2, 3), A.SlotsBooked(Appointment, A.PatientId, 1))
            .When(Move(Actor.Patient(A.OtherPatientId), 3)).ThenRejected(Rejection.NotYourAppointment);

    [Fact]
    public void WhenItWouldMoveToADeactivatedClinician_ThenNotTakingAppointments_ButAnotherPatientIsStillToldItIsNotTheirs()
    {
        Spec.Given(A.DayScheduled(1, 2, 3), A.SlotsBooked(Appointment, A.PatientId, 1))
            .When(Move(A.Receptionist, 2) with { ToClinicianNotTakingBookings = true }).ThenRejected(Rejection.ClinicianNotTakingBookings);
        Spec.Given(A.DayScheduled(1, 2, 3), A.SlotsBooked(Appointment, A.PatientId, 1))
            .When(Move(Actor.Patient(A.OtherPatientId), 3) with { ToClinicianNotTakingBookings = true }).ThenRejected(Rejection.NotYourAppointment);
    }

    [Fact]
    public void WhenReceptionMovesIt_ThenItIsMoved() =>
        Spec.Given(A.DayScheduled(1, 2, 3), A.SlotsBooked(Appointment, A.PatientId, 1)).When(Move(A.Receptionist, 2))
            .Then(Moved([1], [2]) with { By = A.Receptionist.Name });

    [Fact]
    public void GivenACancelledAppointment_WhenMoved_ThenAppointmentAlreadyCancelled() =>
        Spec.Given(A.DayScheduled(1, 2), A.SlotsBooked(Appointment, A.PatientId, 1),
                new AppointmentCancelled(Appointment, A.PatientId, A.ClinicianId, A.Tomorrow, [A.MorningSlot(1)], CancellationReason.Patient, "p"))
            .When(Move(2)).ThenRejected(Rejection.AppointmentAlreadyCancelled);

    [Fact]
    public void GivenAStartedAppointment_WhenMoved_ThenAppointmentInPast() =>
        Spec.Given(A.DayScheduled(1, 2), A.SlotsBooked(Appointment, A.PatientId, 1))
            .When(Move(2) with { Now = A.MorningSlot(1).StartUtc.AddMinutes(1) }).ThenRejected(Rejection.AppointmentInPast);

    [Fact]
    public void WhenMovedToMoreSlotsThanItHas_ThenSlotsNotFreeForService() =>
        Spec.Given(A.DayScheduled(1, 2, 3), A.SlotsBooked(Appointment, A.PatientId, 1))
            .When(Move(2) with { SlotIds = [A.Slot(2), A.Slot(3)] }).ThenRejected(Rejection.SlotsNotFreeForVisitType);

    [Fact]
    public void WhenMovedToTheTimeItHas_ThenAppointmentAlreadyAtThatTime() =>
        Spec.Given(A.DayScheduled(1, 2), A.SlotsBooked(Appointment, A.PatientId, 1)).When(Move(1)).ThenRejected(Rejection.AppointmentAlreadyAtThatTime);

    [Fact]
    public void WhenMovedToATimeOfAnotherOfThePatientsAppointments_ThenPatientAlreadyBookedAtThatTime()
    {
        var sameTime = new ScheduledSlot(A.Id("other 0920"), A.MorningSlot(3).StartUtc);
        Spec.Given(A.DayScheduled(1, 2, 3), new DayScheduled(A.OtherClinicianId, A.Tomorrow, [sameTime]), A.SlotsBooked(Appointment, A.PatientId, 1),
                new SlotsBooked(A.Id("also mine"), A.PatientId, A.OtherClinicianId, A.Tomorrow, [sameTime], "p", VisitType.ConsultationId))
            .When(Move(3) with { SlotIds = [A.Slot(3)] })
            .ThenRejected(Rejection.PatientAlreadyBookedAtThatTime);
    }

    [Fact]
    public void GivenTenSlotsHeldThisMonth_WhenOneIsMovedWithinTheMonth_ThenItIsMoved_ForItDoesNotCountTwice() =>
        Spec.Given([A.DayScheduled(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), A.SlotsBooked(Appointment, A.PatientId, 1),
                .. Enumerable.Range(2, 9).Select(n => A.SlotsBooked(A.Id($"held{n}"), A.PatientId, n))])
            .When(Move(11)).Then(Moved([1], [11]));

    [Fact]
    public void AfterAMove_TheOldSlotCanBeBookedByAnother_AndTheNewOneCannot()
    {
        var after = new DeciderSpec<BookSlotsDecider, BookSlots, AppointmentToBook, SlotsBooked>();
        IClinicEvent[] history = [A.DayScheduled(1, 2, 3), A.SlotsBooked(Appointment, A.PatientId, 1), Moved([1], [3])];

        after.Given(history).When(new BookSlots(A.Id("new"), A.OtherPatientId, [A.Slot(1)], Actor.Patient(A.OtherPatientId), A.Now))
            .Then(A.SlotsBooked(A.Id("new"), A.OtherPatientId, 1));
        after.Given(history).When(new BookSlots(A.Id("new"), A.OtherPatientId, [A.Slot(3)], Actor.Patient(A.OtherPatientId), A.Now))
            .ThenRejected(Rejection.SlotAlreadyBooked);
    }

    [Fact]
    public void AfterAMove_CancellingTheAppointmentFreesItsNewSlots()
    {
        var cancel = new DeciderSpec<CancelAppointmentDecider, CancelAppointment, AppointmentState, AppointmentCancelled>();

        cancel.Given(A.DayScheduled(1, 2, 3), A.SlotsBooked(Appointment, A.PatientId, 1), Moved([1], [3]))
            .When(new CancelAppointment(Appointment, CancellationReason.Patient, A.Patient, A.Now))
            .Then(new AppointmentCancelled(Appointment, A.PatientId, A.ClinicianId, A.Tomorrow, [A.MorningSlot(3)], CancellationReason.Patient, A.PatientId.ToString()));
    }
}
