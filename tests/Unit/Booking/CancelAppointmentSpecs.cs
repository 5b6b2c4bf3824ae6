using ClinicPortal.Domain;
using ClinicPortal.Domain.Booking;
using ClinicPortal.Tests.Unit.Support;

namespace ClinicPortal.Tests.Unit.Booking;

public class CancelAppointmentSpecs
{
    private static DeciderSpec<CancelAppointmentDecider, CancelAppointment, AppointmentState, AppointmentCancelled> Spec => new();

    private static CancelAppointment Cancel(Actor by, CancellationReason reason = CancellationReason.Patient, DateTimeOffset? now = null) =>
        new(A.AppointmentId, reason, by, now ?? A.Now);

    [Fact]
    public void GivenAnAppointment_WhenThePatientCancelsIt_ThenItIsCancelledWithItsSlots() =>
        Spec.Given(A.DayScheduled(1, 2), A.SlotsBooked(A.AppointmentId, A.PatientId, 1, 2))
            .When(Cancel(A.Patient))
            .Then(new AppointmentCancelled(A.AppointmentId, A.PatientId, A.ClinicianId, A.Tomorrow, [A.MorningSlot(1), A.MorningSlot(2)],
                CancellationReason.Patient, A.Patient.Name));

    [Fact]
    public void GivenAnotherPatientsAppointment_WhenAPatientCancelsIt_ThenNotYourAppointment() =>
        Spec.Given(A.SlotsBooked(A.AppointmentId, A.OtherPatientId, 1)).When(Cancel(A.Patient)).ThenRejected(Rejection.NotYourAppointment);

    [Fact]
    public void GivenAnAppointmentWithAnotherClinician_WhenAClinicianCancelsIt_ThenNotYourAppointment() =>
        Spec.Given(A.SlotsBooked(A.AppointmentId, A.PatientId, 1))
            .When(Cancel(Actor.Doctor(A.OtherClinicianId), CancellationReason.Staff)).ThenRejected(Rejection.NotYourAppointment);

    [Fact]
    public void GivenAnyAppointment_WhenAReceptionistCancelsIt_ThenItIsCancelledByStaff() =>
        Spec.Given(A.SlotsBooked(A.AppointmentId, A.PatientId, 1))
            .When(Cancel(A.Receptionist, CancellationReason.Staff))
            .Then(new AppointmentCancelled(A.AppointmentId, A.PatientId, A.ClinicianId, A.Tomorrow, [A.MorningSlot(1)],
                CancellationReason.Staff, A.Receptionist.Name));

    [Fact]
    public void GivenNoAppointment_WhenItIsCancelled_ThenAppointmentNotFound() =>
        Spec.When(Cancel(A.Patient)).ThenRejected(Rejection.AppointmentNotFound);

    [Fact]
    public void GivenACancelledAppointment_WhenItIsCancelledAgain_ThenAppointmentAlreadyCancelled() =>
        Spec.Given(A.SlotsBooked(A.AppointmentId, A.PatientId, 1),
                new AppointmentCancelled(A.AppointmentId, A.PatientId, A.ClinicianId, A.Tomorrow, [A.MorningSlot(1)], CancellationReason.Patient, "p"))
            .When(Cancel(A.Patient)).ThenRejected(Rejection.AppointmentAlreadyCancelled);

    [Fact]
    public void GivenAnAppointmentWhoseDayWasCancelled_WhenItIsCancelled_ThenAppointmentAlreadyCancelled() =>
        Spec.Given(A.SlotsBooked(A.AppointmentId, A.PatientId, 1),
                new DayCancelled(A.ClinicianId, A.Tomorrow, "Ill", [A.Slot(1)], [new CancelledAppointment(A.AppointmentId, A.PatientId, [A.MorningSlot(1)])], "r"))
            .When(Cancel(A.Patient)).ThenRejected(Rejection.AppointmentAlreadyCancelled);

    [Fact]
    public void GivenAnAppointmentThatHasStarted_WhenThePatientCancelsIt_ThenAppointmentInPast() =>
        Spec.Given(A.SlotsBooked(A.AppointmentId, A.PatientId, 1))
            .When(Cancel(A.Patient, now: A.MorningSlot(1).StartUtc)).ThenRejected(Rejection.AppointmentInPast);
}
