namespace ClinicPortal.Application.Queries;

/// <summary>A wait as the pages show it; <see cref="HoldId"/> is the time offered for it, once it was, and <see cref="Offer"/> that time while it is kept.</summary>
public sealed record WaitView(
    Guid WaitId, long Position, Guid PatientId, Guid VisitTypeId, Guid? ClinicianId, DateOnly From, DateOnly To, DateTimeOffset JoinedAt, string Status,
    Guid? HoldId, WaitOffer? Offer = null)
{
    public bool IsOpen => Status is "waiting" or "offered";
}
