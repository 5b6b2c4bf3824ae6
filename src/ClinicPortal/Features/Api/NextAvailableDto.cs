namespace ClinicPortal.Features.Api;

public sealed record NextAvailableDto(DateOnly Date, IReadOnlyList<ClinicianStartsDto> Clinicians);
