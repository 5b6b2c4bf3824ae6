namespace ClinicPortal.Domain;

/// <summary>
/// A clinician offered slots on a day (a date in the practice's time zone). <paramref name="StaffOnly"/> slots are
/// booked by staff only (patients never see them online); <paramref name="OnlyFor"/>, when set, limits them to those
/// visit types; <paramref name="RoomId"/>, when set, is the room they are in (held by no other clinician meanwhile).
/// (The clinician's id keeps the name <c>ClinicianId</c> the log has always used.)
/// </summary>
public sealed record DayScheduled(
    Guid ClinicianId, DateOnly Date, IReadOnlyList<ScheduledSlot> Slots, bool StaffOnly = false, IReadOnlyList<Guid>? OnlyFor = null,
    Guid? RoomId = null) : IClinicEvent;
