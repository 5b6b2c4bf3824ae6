using ClinicPortal.Domain;
using ClinicPortal.Domain.Booking;
using ClinicPortal.Tests.Unit.Support;

namespace ClinicPortal.Tests.Unit.Booking;

public class MarkVisitSpecs
{
    private static DeciderSpec<MarkVisitDecider, MarkVisit, AppointmentState, VisitMarked> Spec => new();
    private static readonly DateTimeOffset AtTheVisit = A.MorningSlot(1).StartUtc;

    [Fact]
    public void GivenAnAppointmentWhoseTimeHasCome_WhenTheReceptionistMarksArrived_ThenTheVisitIsMarked() =>
        Spec.Given(A.SlotsBooked(A.AppointmentId, A.PatientId, 1))
            .When(new MarkVisit(A.AppointmentId, VisitOutcome.Arrived, A.Receptionist, AtTheVisit))
            .Then(new VisitMarked(A.AppointmentId, A.PatientId, A.ClinicianId, A.Tomorrow, VisitOutcome.Arrived, A.Receptionist.Name));

    [Fact]
    public void GivenAFutureAppointment_WhenItIsMarkedNoShow_ThenVisitNotStarted() =>
        Spec.Given(A.SlotsBooked(A.AppointmentId, A.PatientId, 1))
            .When(new MarkVisit(A.AppointmentId, VisitOutcome.NoShow, A.Receptionist, AtTheVisit.AddMinutes(-1)))
            .ThenRejected(Rejection.VisitNotStarted);

    [Fact]
    public void GivenACancelledAppointment_WhenItIsMarked_ThenAppointmentAlreadyCancelled() =>
        Spec.Given(A.SlotsBooked(A.AppointmentId, A.PatientId, 1),
                new AppointmentCancelled(A.AppointmentId, A.PatientId, A.ClinicianId, A.Tomorrow, [A.MorningSlot(1)], CancellationReason.Staff, "r"))
            .When(new MarkVisit(A.AppointmentId, VisitOutcome.Arrived, A.Receptionist, AtTheVisit))
            .ThenRejected(Rejection.AppointmentAlreadyCancelled);

    [Fact]
    public void WhenAPatientMarksTheirOwnVisit_ThenNotAllowed() =>
        Spec.Given(A.SlotsBooked(A.AppointmentId, A.PatientId, 1))
            .When(new MarkVisit(A.AppointmentId, VisitOutcome.Arrived, A.Patient, AtTheVisit))
            .ThenRejected(Rejection.NotAllowed);

    [Fact]
    public void GivenNoAppointment_WhenItIsMarked_ThenAppointmentNotFound() =>
        Spec.When(new MarkVisit(A.AppointmentId, VisitOutcome.Arrived, A.Receptionist, AtTheVisit)).ThenRejected(Rejection.AppointmentNotFound);

    [Fact]
    public void GivenAVisitMarkedArrived_WhenMarkedArrivedAgain_ThenNothingNewIsRecorded() =>
        Assert.Empty(Spec.Given(A.SlotsBooked(A.AppointmentId, A.PatientId, 1),
                new VisitMarked(A.AppointmentId, A.PatientId, A.ClinicianId, A.Tomorrow, VisitOutcome.Arrived, "r"))
            .When(new MarkVisit(A.AppointmentId, VisitOutcome.Arrived, A.Receptionist, AtTheVisit))
            .ThenAccepted());
}
