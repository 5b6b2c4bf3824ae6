namespace ClinicPortal.Application.Queries;

/// <summary>A time offered for a wait and still kept for the patient (its hold pending).</summary>
public sealed record WaitOffer(Guid HoldId, DateOnly Date, DateTimeOffset StartUtc, DateTimeOffset ExpiresAt);

/// <summary>A wait as the pages show it; <see cref="HoldId"/> is the time offered for it, once it was, and <see cref="Offer"/> that time while it is kept.</summary>
public sealed record WaitView(
    Guid WaitId, long Position, Guid PatientId, Guid VisitTypeId, Guid? ClinicianId, DateOnly From, DateOnly To, DateTimeOffset JoinedAt, string Status,
    Guid? HoldId, WaitOffer? Offer = null)
{
    public bool IsOpen => Status is "waiting" or "offered";
}

/// <summary>The waiting list as the pages and its reaction ask for it.</summary>
public interface IWaitlistQueries
{
    Task<IReadOnlyList<WaitView>> WaitingOnAsync(DateOnly date, CancellationToken ct = default);
    Task<IReadOnlyList<WaitView>> OpenOfPatientAsync(Guid patientId, DateOnly today, CancellationToken ct = default);
    Task<IReadOnlyList<WaitView>> OpenAsync(DateOnly today, CancellationToken ct = default);
    Task<WaitView?> FindAsync(Guid waitId, CancellationToken ct = default);
}
