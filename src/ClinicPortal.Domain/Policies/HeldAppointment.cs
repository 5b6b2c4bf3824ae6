namespace ClinicPortal.Domain.Policies;

/// <summary>A live booking of a patient; <see cref="Order"/> says which was made later (larger = later).</summary>
public sealed record HeldAppointment(
    Guid AppointmentId, Guid ClinicianId, DateOnly Date, IReadOnlyList<ScheduledSlot> Slots, long Order, bool Marked, IReadOnlyList<BookedPart>? Parts = null,
    Guid? RoomId = null)
{
    /// <summary>The patient's time it takes, in slots (a visit with a nurse and a doctor for 30 minutes is 3).</summary>
    public int SlotCount => Slots.PatientSlots();
}
