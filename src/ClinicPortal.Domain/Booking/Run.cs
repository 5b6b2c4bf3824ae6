namespace ClinicPortal.Domain.Booking;

/// <summary>
/// A visit's new time as the rules accepted it: its slots by start (every part's), and its parts when it has several
/// clinicians (the first part's clinician leads: the booking's clinician in the log), the room it takes place in, and
/// whether it breaks a clash staff overrode (the clinician's or the patient's other appointment, or another appointment in the room).
/// </summary>
public sealed record Run(IReadOnlyList<SlotForAppointment> Slots, IReadOnlyList<BookedPart>? Parts, Guid? RoomId = null, Clash Overrides = Clash.None)
{
    public bool Clashes => Overrides != Clash.None;

    /// <summary>What the event logs of the clashes: which, when staff booked over any (none: null).</summary>
    public Clash? Overrode => Clashes ? Overrides : null;

    public Guid ClinicianId => Parts?[0].ClinicianId ?? Slots[0].ClinicianId;
    public DateOnly Date => Slots[0].Date;
    public IReadOnlyList<ScheduledSlot> Scheduled { get; } = Slots.Select(s => new ScheduledSlot(s.SlotId, s.StartUtc)).ToArray();
    public DateTimeOffset StartUtc => Slots[0].StartUtc;
    public DateTimeOffset EndUtc => Slots.Max(s => s.EndUtc);
}
