using ClinicPortal.Domain;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Tests.Unit.Support;

namespace ClinicPortal.Tests.Unit.Scheduling;

public class CancelDaySpecs
{
    private static DeciderSpec<CancelDayDecider, CancelDay, ClinicianDay, DayCancelled> Spec => new();

    private static CancelDay Cancel(string reason = "Doctor is ill", Actor? by = null) =>
        new(A.ClinicianId, A.Tomorrow, reason, by ?? A.Receptionist, A.Now);

    [Fact]
    public void GivenTwoAppointments_WhenTheDayIsCancelled_ThenEverySlotAndBothAppointmentsAreCancelled()
    {
        var other = A.Id("b2");
        Spec.Given(A.DayScheduled(1, 2, 3, 4),
                A.SlotsBooked(A.AppointmentId, A.PatientId, 3, 4),
                A.SlotsBooked(other, A.OtherPatientId, 1))
            .When(Cancel())
            .Then(new DayCancelled(A.ClinicianId, A.Tomorrow, "Doctor is ill", [A.Slot(1), A.Slot(2), A.Slot(3), A.Slot(4)],
                [
                    new CancelledAppointment(other, A.OtherPatientId, [A.MorningSlot(1)]),
                    new CancelledAppointment(A.AppointmentId, A.PatientId, [A.MorningSlot(3), A.MorningSlot(4)]),
                ],
                A.Receptionist.Name));
    }

    [Fact]
    public void GivenAnAppointmentAlreadyCancelled_WhenTheDayIsCancelled_ThenThatAppointmentIsNotCancelledAgain()
    {
        var events = Spec.Given(A.DayScheduled(1),
                A.SlotsBooked(A.AppointmentId, A.PatientId, 1),
                new AppointmentCancelled(A.AppointmentId, A.PatientId, A.ClinicianId, A.Tomorrow, [A.MorningSlot(1)], CancellationReason.Patient, "p"))
            .When(Cancel())
            .ThenAccepted();

        Assert.Empty(Assert.IsType<DayCancelled>(Assert.Single(events)).CancelledAppointments);
    }

    [Fact]
    public void GivenACancelledDay_WhenItIsCancelledAgain_ThenDayAlreadyCancelled() =>
        Spec.Given(A.DayScheduled(1), new DayCancelled(A.ClinicianId, A.Tomorrow, "x", [A.Slot(1)], [], "r"))
            .When(Cancel()).ThenRejected(Rejection.DayAlreadyCancelled);

    [Fact]
    public void GivenNoSlots_WhenTheDayIsCancelled_ThenDayNotScheduled() =>
        Spec.When(Cancel()).ThenRejected(Rejection.DayNotScheduled);

    [Fact]
    public void WhenNoReasonIsGiven_ThenReasonRequired() =>
        Spec.Given(A.DayScheduled(1)).When(Cancel("  ")).ThenRejected(Rejection.ReasonRequired);

    [Fact]
    public void WhenAnotherClinicianCancelsTheDay_ThenNotYourDay() =>
        Spec.Given(A.DayScheduled(1)).When(Cancel(by: Actor.Doctor(A.OtherClinicianId))).ThenRejected(Rejection.NotYourDay);

    [Fact]
    public void WhenTheClinicianCancelsTheirOwnDay_ThenItIsAccepted() =>
        Spec.Given(A.DayScheduled(1)).When(Cancel(by: A.Clinician)).ThenAccepted();

    [Fact]
    public void WhenEverySlotHasStarted_ThenDayInPast() =>
        Spec.Given(A.DayScheduled(1))
            .When(new CancelDay(A.ClinicianId, A.Tomorrow, "late", A.Receptionist, A.MorningSlot(1).StartUtc))
            .ThenRejected(Rejection.DayInPast);
}
