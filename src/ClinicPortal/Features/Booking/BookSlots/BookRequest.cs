namespace ClinicPortal.Features.Booking.BookSlots;

public sealed record BookRequest(IReadOnlyList<Guid>? SlotIds, Guid? PatientId);
