using System.Collections.Immutable;
using ClinicPortal.Domain.Rooms;

namespace ClinicPortal.Domain.Scheduling;

/// <summary>
/// What scheduling a day knows: the clinician's day, and, when a block names a room, the practice's rooms and every
/// clinician's time in those rooms that date (one room holds one clinician's block at a time).
/// </summary>
public sealed record DayToSchedule(ClinicianDay Day, RoomList Rooms, ImmutableDictionary<Guid, RoomTime> RoomSlots)
{
    public static DayToSchedule Of(ClinicianDay day) => new(day, RoomList.Empty, ImmutableDictionary<Guid, RoomTime>.Empty);

    public DayToSchedule Evolve(IClinicEvent @event) => this with
    {
        // The rooms' tags bring other clinicians' days in: the clinician's own day folds only its own events.
        Day = IsOfTheDay(@event) ? Day.Evolve(@event) : Day,
        Rooms = Rooms.Evolve(@event),
        RoomSlots = @event switch
        {
            DayScheduled { RoomId: { } room } e => RoomSlots.SetItems(e.Slots.Select(s => KeyValuePair.Create(s.SlotId, new RoomTime(room, e.ClinicianId, s.StartUtc)))),
            SlotsRemoved e => RoomSlots.RemoveRange(e.SlotIds),
            DayCancelled e => RoomSlots.RemoveRange(e.SlotIds),
            _ => RoomSlots,
        },
    };

    private bool IsOfTheDay(IClinicEvent @event) => @event switch
    {
        DayScheduled e => e.ClinicianId == Day.ClinicianId && e.Date == Day.Date,
        SlotsRemoved e => e.ClinicianId == Day.ClinicianId && e.Date == Day.Date,
        DayCancelled e => e.ClinicianId == Day.ClinicianId && e.Date == Day.Date,
        _ => true,
    };
}
