namespace ClinicPortal.Features.Booking.BookSlots;

public sealed record NextAvailableDto(DateOnly Date, IReadOnlyList<ClinicianStartsDto> Clinicians);
