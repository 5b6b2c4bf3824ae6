namespace ClinicPortal.Features.Booking.BookSlots;

public sealed record ClinicianStartsDto(Guid ClinicianId, string ClinicianName, ClinicPortal.Domain.ClinicianKind Kind, IReadOnlyList<StartDto> Starts);
