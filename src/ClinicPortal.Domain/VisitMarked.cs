namespace ClinicPortal.Domain;

/// <summary>Staff recorded whether the patient came.</summary>
public sealed record VisitMarked(Guid AppointmentId, Guid PatientId, Guid ClinicianId, DateOnly Date, VisitOutcome Outcome, string By) : IClinicEvent;
