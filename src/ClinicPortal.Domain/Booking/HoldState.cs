namespace ClinicPortal.Domain.Booking;

/// <summary>One hold as the decisions about it see it.</summary>
public sealed record HoldState(
    Guid HoldId, Guid PatientId, Guid ClinicianId, DateOnly Date, IReadOnlyList<ScheduledSlot> Slots, DateTimeOffset ExpiresAt, HoldStatus Status,
    IReadOnlyList<BookedPart>? Parts = null, Guid? RoomId = null, DateTimeOffset? ReleasedAt = null)
{
    public IEnumerable<Guid> SlotIds => Slots.Select(s => s.SlotId);

    public IEnumerable<Guid> Clinicians => AppointmentTime.Clinicians(ClinicianId, Parts);

    /// <summary>Whether it still keeps its slots at <paramref name="now"/>.</summary>
    public bool KeepsAt(DateTimeOffset now) => Status == HoldStatus.Pending && now < ExpiresAt;

    /// <summary>
    /// When it ended without a booking, as seen at <paramref name="now"/>: let go, or run out (logged expired or not yet).
    /// Null while it keeps its time, once confirmed, and for a release logged before releases said when.
    /// </summary>
    public DateTimeOffset? LetGoAt(DateTimeOffset now) => Status switch
    {
        HoldStatus.Released => ReleasedAt,
        HoldStatus.Expired => ExpiresAt,
        HoldStatus.Pending when now >= ExpiresAt => ExpiresAt,
        _ => null,
    };

    /// <summary>Whether it overlaps the time from <paramref name="start"/> to <paramref name="end"/>.</summary>
    public bool Overlaps(DateTimeOffset start, DateTimeOffset end) =>
        Slots.Count > 0 && Slots.Min(s => s.StartUtc) < end && start < Slots.Max(s => s.EndUtc);

    public static HoldState Of(HoldPlaced e) => new(e.HoldId, e.PatientId, e.ClinicianId, e.Date, e.Slots, e.ExpiresAt, HoldStatus.Pending, e.Parts, e.RoomId);

    /// <summary>A hold's own events, folded: null until it was placed.</summary>
    public static HoldState? Evolve(HoldState? state, IClinicEvent @event) => @event switch
    {
        HoldPlaced e => Of(e),
        SlotsBooked { HoldId: { } id } when state?.HoldId == id => state with { Status = HoldStatus.Confirmed },
        HoldReleased e when state?.HoldId == e.HoldId => state with { Status = HoldStatus.Released, ReleasedAt = e.At },
        HoldExpired e when state?.HoldId == e.HoldId => state with { Status = HoldStatus.Expired },
        _ => state,
    };
}
