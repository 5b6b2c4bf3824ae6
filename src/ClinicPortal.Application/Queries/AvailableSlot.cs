using ClinicPortal.Domain.Scheduling;

namespace ClinicPortal.Application.Queries;

/// <summary>
/// A free slot; <paramref name="StaffOnly"/> time is booked by staff only, <paramref name="OnlyFor"/> limits it to those
/// visit types; <paramref name="RoomId"/> is its room, if it is in one. <paramref name="HeldBy"/>: a booked one, read for
/// staff who book over the clinician's clash (<see cref="ScheduleReadModel.BookedSlotsAsync"/>), and the booking holding it.
/// </summary>
public sealed record AvailableSlot(
    Guid SlotId, DateTimeOffset StartUtc, bool StaffOnly = false, IReadOnlyList<Guid>? OnlyFor = null, Guid? RoomId = null, Guid? HeldBy = null)
{
    public DateTimeOffset EndUtc => StartUtc + SlotBlock.SlotLength;

    /// <summary>Whether it may be part of a booking of <paramref name="visitType"/>, by staff or (<paramref name="byPatient"/>) online.</summary>
    public bool Allows(Guid visitType, bool byPatient) => Domain.VisitTypes.VisitType.SlotOpenTo(visitType, byPatient, StaffOnly, OnlyFor);
}
