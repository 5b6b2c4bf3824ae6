namespace ClinicPortal.Features.Booking.BookSlots;

/// <summary>
/// A time a visit type can start: its run of one clinician's adjacent free slots (for a visit of several, every part's),
/// in <paramref name="RoomId"/> or none. <paramref name="RoomClash"/>: another appointment is in the room for some of that
/// time; <paramref name="ClinicianClash"/>: some of its slots are booked already, the clinician seeing another patient then;
/// <paramref name="PatientClash"/>: the patient has another appointment for some of that time (each offered only to staff
/// who asked to see clashes, to book over them with a reason).
/// </summary>
public sealed record SlotOffer(
    IReadOnlyList<Guid> SlotIds, DateTimeOffset StartUtc, DateTimeOffset EndUtc, Guid? RoomId = null, bool RoomClash = false, bool ClinicianClash = false,
    bool PatientClash = false)
{
    public Guid FirstSlotId => SlotIds[0];

    /// <summary>Whether booking it breaks a room, clinician or patient clash.</summary>
    public bool Clashes => RoomClash || ClinicianClash || PatientClash;

    /// <summary>Equal when they take the same slots (and clash alike): the slot list keeps a button's handler for the same offer across reloads.</summary>
    public bool Equals(SlotOffer? other) =>
        other is not null && StartUtc == other.StartUtc && EndUtc == other.EndUtc && RoomClash == other.RoomClash && ClinicianClash == other.ClinicianClash
        && PatientClash == other.PatientClash && SlotIds.SequenceEqual(other.SlotIds);

    public override int GetHashCode() => HashCode.Combine(SlotIds[0], StartUtc, EndUtc);

    public bool Overlaps(DateTimeOffset start, DateTimeOffset end) => StartUtc < end && start < EndUtc;
}
