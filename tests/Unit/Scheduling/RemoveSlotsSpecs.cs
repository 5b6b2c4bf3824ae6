using ClinicPortal.Domain;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Tests.Unit.Support;

namespace ClinicPortal.Tests.Unit.Scheduling;

public class RemoveSlotsSpecs
{
    private static DeciderSpec<RemoveSlotsDecider, RemoveSlots, ClinicianDay, SlotsRemoved> Spec => new();

    private static RemoveSlots Remove(params int[] slots) => new(A.ClinicianId, A.Tomorrow, slots.Select(A.Slot).ToArray(), A.Clinician, A.Now);

    [Fact]
    public void GivenThreeFreeSlots_WhenTwoAreRemoved_ThenThoseTwoAreRemoved() =>
        Spec.Given(A.DayScheduled(1, 2, 3)).When(Remove(1, 3))
            .Then(new SlotsRemoved(A.ClinicianId, A.Tomorrow, [A.Slot(1), A.Slot(3)]));

    [Fact]
    public void GivenABookedSlot_WhenItIsRemoved_ThenSlotAlreadyBooked() =>
        Spec.Given(A.DayScheduled(1, 2), A.SlotsBooked(A.AppointmentId, A.PatientId, 2)).When(Remove(1, 2))
            .ThenRejected(Rejection.SlotAlreadyBooked);

    [Fact]
    public void GivenAnAppointmentCancelled_WhenItsSlotIsRemoved_ThenItIsRemoved() =>
        Spec.Given(A.DayScheduled(1), A.SlotsBooked(A.AppointmentId, A.PatientId, 1),
                new AppointmentCancelled(A.AppointmentId, A.PatientId, A.ClinicianId, A.Tomorrow, [A.MorningSlot(1)], CancellationReason.Patient, "p"))
            .When(Remove(1))
            .Then(new SlotsRemoved(A.ClinicianId, A.Tomorrow, [A.Slot(1)]));

    [Fact]
    public void GivenARemovedSlot_WhenItIsRemovedAgain_ThenSlotNotFound() =>
        Spec.Given(A.DayScheduled(1), new SlotsRemoved(A.ClinicianId, A.Tomorrow, [A.Slot(1)])).When(Remove(1))
            .ThenRejected(Rejection.SlotNotFound);

    [Fact]
    public void WhenNoSlotIsChosen_ThenNoSlotsChosen() =>
        Spec.Given(A.DayScheduled(1)).When(Remove()).ThenRejected(Rejection.NoSlotsChosen);

    [Fact]
    public void WhenAnotherClinicianRemovesSlots_ThenNotYourDay() =>
        Spec.Given(A.DayScheduled(1))
            .When(new RemoveSlots(A.ClinicianId, A.Tomorrow, [A.Slot(1)], Actor.Doctor(A.OtherClinicianId), A.Now))
            .ThenRejected(Rejection.NotYourDay);

    [Fact]
    public void WhenASlotHasStarted_ThenSlotInPast() =>
        Spec.Given(A.DayScheduled(1))
            .When(new RemoveSlots(A.ClinicianId, A.Tomorrow, [A.Slot(1)], A.Clinician, A.MorningSlot(1).StartUtc))
            .ThenRejected(Rejection.SlotInPast);
}
