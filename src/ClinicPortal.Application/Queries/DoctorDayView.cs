namespace ClinicPortal.Application.Queries;

public sealed record DoctorDayView(Guid DoctorId, DateOnly Date, bool Cancelled, string? CancelReason, IReadOnlyList<DoctorDaySlot> Slots);
