using System.Collections.Immutable;

namespace ClinicPortal.Domain.Booking;

/// <summary>The patient (or staff for them) leaves the waiting list. A time offered and still kept is let go separately.</summary>
public sealed record LeaveWait(Guid WaitId, Guid PatientId, Actor By, DateTimeOffset Now) : ICommand<LeaveWait, LeaveWaitDecider, ImmutableDictionary<Guid, WaitState>, WaitLeft>;
