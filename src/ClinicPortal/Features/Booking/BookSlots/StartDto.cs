namespace ClinicPortal.Features.Booking.BookSlots;

public sealed record StartDto(DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<Guid> SlotIds);
