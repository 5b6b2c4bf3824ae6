namespace ClinicPortal.Domain.Booking;

/// <summary>A live booking of the patient: its practice day and its slots.</summary>
public sealed record HeldSlots(DateOnly Date, IReadOnlyList<ScheduledSlot> Slots);
