namespace ClinicPortal.Domain;

/// <summary>The patient (or staff for them) left the waiting list.</summary>
public sealed record WaitLeft(Guid WaitId, Guid PatientId, Guid VisitTypeId, string By) : IClinicEvent;
