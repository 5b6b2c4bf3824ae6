namespace ClinicPortal.Domain.Scheduling;

/// <summary>
/// Take future slots of a doctor's day back: unbooked ones, or the doctor's whole part of a visit shared with other
/// clinicians (which goes on without them, on the conflicts desk, as when their day is cancelled).
/// </summary>
public sealed record RemoveSlots(Guid DoctorId, DateOnly Date, IReadOnlyList<Guid> SlotIds, Actor By, DateTimeOffset Now) : ICommand<RemoveSlots, RemoveSlotsDecider, DoctorDay, SlotsRemoved>;
