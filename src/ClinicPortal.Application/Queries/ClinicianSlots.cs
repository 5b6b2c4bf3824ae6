namespace ClinicPortal.Application.Queries;

/// <summary>One clinician's available slots of a day, ordered by start.</summary>
public sealed record ClinicianSlots(Guid ClinicianId, IReadOnlyList<AvailableSlot> Slots);
