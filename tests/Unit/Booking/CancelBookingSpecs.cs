using ClinicPortal.Domain;
using ClinicPortal.Domain.Booking;
using ClinicPortal.Tests.Unit.Support;

namespace ClinicPortal.Tests.Unit.Booking;

public class CancelBookingSpecs
{
    private static DeciderSpec<CancelBookingDecider, CancelBooking, BookingState, BookingCancelled> Spec => new();

    private static CancelBooking Cancel(Actor by, CancellationReason reason = CancellationReason.Patient, DateTimeOffset? now = null) =>
        new(A.BookingId, reason, by, now ?? A.Now);

    [Fact]
    public void GivenABooking_WhenThePatientCancelsIt_ThenItIsCancelledWithItsSlots() =>
        Spec.Given(A.DayScheduled(1, 2), A.SlotsBooked(A.BookingId, A.PatientId, 1, 2))
            .When(Cancel(A.Patient))
            .Then(new BookingCancelled(A.BookingId, A.PatientId, A.ClinicianId, A.Tomorrow, [A.MorningSlot(1), A.MorningSlot(2)],
                CancellationReason.Patient, A.Patient.Name));

    [Fact]
    public void GivenAnotherPatientsBooking_WhenAPatientCancelsIt_ThenNotYourBooking() =>
        Spec.Given(A.SlotsBooked(A.BookingId, A.OtherPatientId, 1)).When(Cancel(A.Patient)).ThenRejected(Rejection.NotYourBooking);

    [Fact]
    public void GivenABookingWithAnotherClinician_WhenAClinicianCancelsIt_ThenNotYourBooking() =>
        Spec.Given(A.SlotsBooked(A.BookingId, A.PatientId, 1))
            .When(Cancel(Actor.Doctor(A.OtherClinicianId), CancellationReason.Staff)).ThenRejected(Rejection.NotYourBooking);

    [Fact]
    public void GivenAnyBooking_WhenAReceptionistCancelsIt_ThenItIsCancelledByStaff() =>
        Spec.Given(A.SlotsBooked(A.BookingId, A.PatientId, 1))
            .When(Cancel(A.Receptionist, CancellationReason.Staff))
            .Then(new BookingCancelled(A.BookingId, A.PatientId, A.ClinicianId, A.Tomorrow, [A.MorningSlot(1)],
                CancellationReason.Staff, A.Receptionist.Name));

    [Fact]
    public void GivenNoBooking_WhenItIsCancelled_ThenBookingNotFound() =>
        Spec.When(Cancel(A.Patient)).ThenRejected(Rejection.BookingNotFound);

    [Fact]
    public void GivenACancelledBooking_WhenItIsCancelledAgain_ThenBookingAlreadyCancelled() =>
        Spec.Given(A.SlotsBooked(A.BookingId, A.PatientId, 1),
                new BookingCancelled(A.BookingId, A.PatientId, A.ClinicianId, A.Tomorrow, [A.MorningSlot(1)], CancellationReason.Patient, "p"))
            .When(Cancel(A.Patient)).ThenRejected(Rejection.BookingAlreadyCancelled);

    [Fact]
    public void GivenABookingWhoseDayWasCancelled_WhenItIsCancelled_ThenBookingAlreadyCancelled() =>
        Spec.Given(A.SlotsBooked(A.BookingId, A.PatientId, 1),
                new DayCancelled(A.ClinicianId, A.Tomorrow, "Ill", [A.Slot(1)], [new CancelledBooking(A.BookingId, A.PatientId, [A.MorningSlot(1)])], "r"))
            .When(Cancel(A.Patient)).ThenRejected(Rejection.BookingAlreadyCancelled);

    [Fact]
    public void GivenABookingThatHasStarted_WhenThePatientCancelsIt_ThenBookingInPast() =>
        Spec.Given(A.SlotsBooked(A.BookingId, A.PatientId, 1))
            .When(Cancel(A.Patient, now: A.MorningSlot(1).StartUtc)).ThenRejected(Rejection.BookingInPast);
}
