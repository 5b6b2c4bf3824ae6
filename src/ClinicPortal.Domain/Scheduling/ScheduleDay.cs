using System.Collections.Immutable;
using ClinicPortal.Domain.EventStore;
using ClinicPortal.Domain.Rooms;

namespace ClinicPortal.Domain.Scheduling;

/// <summary>
/// A block of time a clinician offers, in the practice's local time: to everyone, or kept for staff to book
/// (<paramref name="StaffOnly"/>), for every visit type or only those listed (<paramref name="OnlyFor"/>), and in a
/// room (<paramref name="RoomId"/>) or none named.
/// </summary>
public sealed record BlockOfTime(TimeOnly Start, TimeOnly End, bool StaffOnly = false, IReadOnlyList<Guid>? OnlyFor = null, Guid? RoomId = null)
{
    /// <summary>Blocks with the same terms are logged as one event; "only for" as a set, in a fixed order.</summary>
    internal (bool StaffOnly, string OnlyFor, Guid? RoomId) Terms =>
        (StaffOnly, OnlyFor is { Count: > 0 } ids ? string.Join(' ', ids.Distinct().Order()) : "", RoomId);
}

/// <summary>A slot's time in a room, whoever's day it belongs to.</summary>
public sealed record RoomTime(Guid RoomId, Guid DoctorId, DateTimeOffset StartUtc)
{
    /// <summary>Whether this slot's time in the room meets the span from <paramref name="start"/> to <paramref name="end"/>.</summary>
    public bool Overlaps(DateTimeOffset start, DateTimeOffset end) => StartUtc < end && start < StartUtc + SlotBlock.SlotLength;
}

/// <summary>
/// What scheduling a day knows: the clinician's day, and, when a block names a room, the practice's rooms and every
/// clinician's time in those rooms that date (one room holds one clinician's block at a time).
/// </summary>
public sealed record DayToSchedule(DoctorDay Day, RoomList Rooms, ImmutableDictionary<Guid, RoomTime> RoomSlots)
{
    public static DayToSchedule Of(DoctorDay day) => new(day, RoomList.Empty, ImmutableDictionary<Guid, RoomTime>.Empty);

    public DayToSchedule Evolve(IClinicEvent @event) => this with
    {
        // The rooms' tags bring other clinicians' days in: the clinician's own day folds only its own events.
        Day = IsOfTheDay(@event) ? Day.Evolve(@event) : Day,
        Rooms = Rooms.Evolve(@event),
        RoomSlots = @event switch
        {
            DayScheduled { RoomId: { } room } e => RoomSlots.SetItems(e.Slots.Select(s => KeyValuePair.Create(s.SlotId, new RoomTime(room, e.DoctorId, s.StartUtc)))),
            SlotsRemoved e => RoomSlots.RemoveRange(e.SlotIds),
            DayCancelled e => RoomSlots.RemoveRange(e.SlotIds),
            _ => RoomSlots,
        },
    };

    private bool IsOfTheDay(IClinicEvent @event) => @event switch
    {
        DayScheduled e => e.DoctorId == Day.DoctorId && e.Date == Day.Date,
        SlotsRemoved e => e.DoctorId == Day.DoctorId && e.Date == Day.Date,
        DayCancelled e => e.DoctorId == Day.DoctorId && e.Date == Day.Date,
        _ => true,
    };
}

/// <summary>Offer one or more blocks of 10-minute slots on a doctor's day.</summary>
/// <param name="NewSlotId">Gives each new slot its id (an input, so that deciding stays pure).</param>
public sealed record ScheduleDay(
    Guid DoctorId, DateOnly Date, IReadOnlyList<BlockOfTime> Blocks, TimeZoneInfo PracticeZone,
    Func<Guid> NewSlotId, Actor By, DateTimeOffset Now) : ICommand<ScheduleDay, ScheduleDayDecider, DayToSchedule, DayScheduled>;

public sealed class ScheduleDayDecider : IDecider<ScheduleDay, DayToSchedule, DayScheduled>
{
    /// <summary>The day; and, for blocks in rooms, the rooms and those rooms' time that date.</summary>
    public static Query QueryFor(ScheduleDay command)
    {
        var rooms = RoomsOf(command);
        var day = DoctorDay.QueryFor(command.DoctorId, command.Date);
        return rooms.Length == 0 ? day : day.Or(RoomList.Query).Or(Query.TaggedAny(rooms.Select(room => Tag.RoomDay(room, command.Date))));
    }

    public static DayToSchedule Initial(ScheduleDay command) => DayToSchedule.Of(DoctorDay.Empty(command.DoctorId, command.Date));
    public static DayToSchedule Evolve(DayToSchedule state, IClinicEvent @event) => state.Evolve(@event);

    public static Checked<IReadOnlyList<DayScheduled>> Decide(ScheduleDay command, DayToSchedule state)
    {
        var day = state.Day;
        if (!command.By.MayManageDaysOf(command.DoctorId))
            return Rejection.NotYourDay;
        if (command.Blocks.Count == 0)
            return Rejection.NoBlocks;
        if (day.Cancelled)
            return Rejection.DayAlreadyCancelled;

        var starts = new List<DateTimeOffset>();
        var termsOf = new Dictionary<DateTimeOffset, BlockOfTime>();
        foreach (var requested in command.Blocks)
        {
            var block = SlotBlock.Create(requested.Start, requested.End);
            if (!block.IsAccepted)
                return block.Rejection!.Value;
            foreach (var localStart in block.Value!.SlotStarts)
            {
                var start = PracticeTime.ToUtc(command.Date, localStart, command.PracticeZone);
                if (start is null)
                    return Rejection.TimeDoesNotExist;
                starts.Add(start.Value);
                termsOf[start.Value] = requested;
            }
        }

        starts.Sort();
        if (starts.Zip(starts.Skip(1)).Any(pair => pair.Second - pair.First < SlotBlock.SlotLength))
            return Rejection.BlocksOverlap;
        if (starts.Any(start => day.Slots.Values.Any(existing => Overlaps(existing.StartUtc, start))))
            return Rejection.OverlapsExistingSlots;
        if (starts[0] <= command.Now)
            return Rejection.SlotInPast;
        if (day.Slots.Count + starts.Count > SlotBlock.MaxSlotsPerDay)
            return Rejection.TooManySlotsInDay;
        foreach (var room in RoomsOf(command))
        {
            if (!state.Rooms.Rooms.TryGetValue(room, out var known))
                return Rejection.RoomNotFound;
            if (!known.InUse)
                return Rejection.RoomOutOfUse;
            var taken = state.RoomSlots.Values.Where(time => time.RoomId == room && time.DoctorId != command.DoctorId).ToArray();
            if (starts.Any(start => termsOf[start].RoomId == room && taken.Any(time => Overlaps(time.StartUtc, start))))
                return Rejection.RoomInUse;
        }

        // One event per kind of time: the day's open time as before, and each kind of kept time beside it.
        return starts
            .GroupBy(start => termsOf[start].Terms)
            .Select(group => new DayScheduled(command.DoctorId, command.Date,
                group.Select(start => new ScheduledSlot(command.NewSlotId(), start)).ToArray(),
                group.Key.StaffOnly,
                group.Key.OnlyFor.Length == 0 ? null : group.Key.OnlyFor.Split(' ').Select(Guid.Parse).ToArray(),
                group.Key.RoomId))
            .ToArray();
    }

    private static Guid[] RoomsOf(ScheduleDay command) => command.Blocks.Select(b => b.RoomId).OfType<Guid>().Distinct().ToArray();

    private static bool Overlaps(DateTimeOffset a, DateTimeOffset b) => (a - b).Duration() < SlotBlock.SlotLength;
}
