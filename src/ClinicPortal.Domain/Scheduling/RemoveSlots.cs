namespace ClinicPortal.Domain.Scheduling;

/// <summary>
/// Take future slots of a clinician's day back: unbooked ones, or the clinician's whole part of a visit shared with other
/// clinicians (which goes on without them, on the conflicts desk, as when their day is cancelled).
/// </summary>
public sealed record RemoveSlots(Guid ClinicianId, DateOnly Date, IReadOnlyList<Guid> SlotIds, Actor By, DateTimeOffset Now) : ICommand<RemoveSlots, RemoveSlotsDecider, ClinicianDay, SlotsRemoved>;
