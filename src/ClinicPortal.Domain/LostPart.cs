namespace ClinicPortal.Domain;

/// <summary>The part of an appointment with others that fell with its clinician's day: the appointment goes on without it, for now.</summary>
public sealed record LostPart(Guid AppointmentId, Guid PatientId, ClinicianKind Kind, IReadOnlyList<Guid> SlotIds);
