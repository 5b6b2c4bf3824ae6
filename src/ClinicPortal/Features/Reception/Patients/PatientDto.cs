namespace ClinicPortal.Features.Reception.Patients;

public sealed record PatientDto(Guid PatientId, string Name, string Email, string? Phone);
