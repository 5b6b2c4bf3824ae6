using ClinicPortal.Domain;
using ClinicPortal.Domain.Booking;
using ClinicPortal.Tests.Unit.Support;

namespace ClinicPortal.Tests.Unit.Booking;

public class MarkVisitSpecs
{
    private static DeciderSpec<MarkVisitDecider, MarkVisit, BookingState, VisitMarked> Spec => new();
    private static readonly DateTimeOffset AtTheVisit = A.MorningSlot(1).StartUtc;

    [Fact]
    public void GivenABookingWhoseTimeHasCome_WhenTheReceptionistMarksArrived_ThenTheVisitIsMarked() =>
        Spec.Given(A.SlotsBooked(A.BookingId, A.PatientId, 1))
            .When(new MarkVisit(A.BookingId, VisitOutcome.Arrived, A.Receptionist, AtTheVisit))
            .Then(new VisitMarked(A.BookingId, A.PatientId, A.ClinicianId, A.Tomorrow, VisitOutcome.Arrived, A.Receptionist.Name));

    [Fact]
    public void GivenAFutureBooking_WhenItIsMarkedNoShow_ThenVisitNotStarted() =>
        Spec.Given(A.SlotsBooked(A.BookingId, A.PatientId, 1))
            .When(new MarkVisit(A.BookingId, VisitOutcome.NoShow, A.Receptionist, AtTheVisit.AddMinutes(-1)))
            .ThenRejected(Rejection.VisitNotStarted);

    [Fact]
    public void GivenACancelledBooking_WhenItIsMarked_ThenBookingAlreadyCancelled() =>
        Spec.Given(A.SlotsBooked(A.BookingId, A.PatientId, 1),
                new BookingCancelled(A.BookingId, A.PatientId, A.ClinicianId, A.Tomorrow, [A.MorningSlot(1)], CancellationReason.Staff, "r"))
            .When(new MarkVisit(A.BookingId, VisitOutcome.Arrived, A.Receptionist, AtTheVisit))
            .ThenRejected(Rejection.BookingAlreadyCancelled);

    [Fact]
    public void WhenAPatientMarksTheirOwnVisit_ThenNotAllowed() =>
        Spec.Given(A.SlotsBooked(A.BookingId, A.PatientId, 1))
            .When(new MarkVisit(A.BookingId, VisitOutcome.Arrived, A.Patient, AtTheVisit))
            .ThenRejected(Rejection.NotAllowed);

    [Fact]
    public void GivenNoBooking_WhenItIsMarked_ThenBookingNotFound() =>
        Spec.When(new MarkVisit(A.BookingId, VisitOutcome.Arrived, A.Receptionist, AtTheVisit)).ThenRejected(Rejection.BookingNotFound);

    [Fact]
    public void GivenAVisitMarkedArrived_WhenMarkedArrivedAgain_ThenNothingNewIsRecorded() =>
        Assert.Empty(Spec.Given(A.SlotsBooked(A.BookingId, A.PatientId, 1),
                new VisitMarked(A.BookingId, A.PatientId, A.ClinicianId, A.Tomorrow, VisitOutcome.Arrived, "r"))
            .When(new MarkVisit(A.BookingId, VisitOutcome.Arrived, A.Receptionist, AtTheVisit))
            .ThenAccepted());
}
