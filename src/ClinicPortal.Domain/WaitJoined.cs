namespace ClinicPortal.Domain;

/// <summary>
/// A patient asked to be told when a time frees up: for <paramref name="VisitTypeId"/>, with <paramref name="ClinicianId"/>
/// or anyone who gives it, on a day from <paramref name="From"/> to <paramref name="To"/>. The first in line is offered the
/// first matching time that frees (a <see cref="HoldPlaced"/> naming the wait).
/// </summary>
public sealed record WaitJoined(Guid WaitId, Guid PatientId, Guid VisitTypeId, Guid? ClinicianId, DateOnly From, DateOnly To, string By) : IClinicEvent;
