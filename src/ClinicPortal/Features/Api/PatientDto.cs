namespace ClinicPortal.Features.Api;

public sealed record PatientDto(Guid PatientId, string Name, string Email, string? Phone);
