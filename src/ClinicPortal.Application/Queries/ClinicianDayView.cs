namespace ClinicPortal.Application.Queries;

public sealed record ClinicianDayView(Guid ClinicianId, DateOnly Date, bool Cancelled, string? CancelReason, IReadOnlyList<ClinicianDaySlot> Slots);
