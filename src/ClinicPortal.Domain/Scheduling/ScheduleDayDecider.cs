using ClinicPortal.Domain.EventStore;
using ClinicPortal.Domain.Rooms;

namespace ClinicPortal.Domain.Scheduling;

public sealed class ScheduleDayDecider : IDecider<ScheduleDay, DayToSchedule, DayScheduled>
{
    /// <summary>The day; and, for blocks in rooms, the rooms and those rooms' time that date.</summary>
    public static Query QueryFor(ScheduleDay command)
    {
        var rooms = RoomsOf(command);
        var day = ClinicianDay.QueryFor(command.ClinicianId, command.Date);
        return rooms.Length == 0 ? day : day.Or(RoomList.Query).Or(Query.TaggedAny(rooms.Select(room => Tag.RoomDay(room, command.Date))));
    }

    public static DayToSchedule Initial(ScheduleDay command) => DayToSchedule.Of(ClinicianDay.Empty(command.ClinicianId, command.Date));
    public static DayToSchedule Evolve(DayToSchedule state, IClinicEvent @event) => state.Evolve(@event);

    public static Checked<IReadOnlyList<DayScheduled>> Decide(ScheduleDay command, DayToSchedule state)
    {
        var day = state.Day;
        if (!command.By.MayManageDaysOf(command.ClinicianId))
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
            var taken = state.RoomSlots.Values.Where(time => time.RoomId == room && time.ClinicianId != command.ClinicianId).ToArray();
            if (starts.Any(start => termsOf[start].RoomId == room && taken.Any(time => Overlaps(time.StartUtc, start))))
                return Rejection.RoomInUse;
        }

        // One event per kind of time: the day's open time as before, and each kind of kept time beside it.
        return starts
            .GroupBy(start => termsOf[start].Terms)
            .Select(group => new DayScheduled(command.ClinicianId, command.Date,
                group.Select(start => new ScheduledSlot(command.NewSlotId(), start)).ToArray(),
                group.Key.StaffOnly,
                group.Key.OnlyFor.Length == 0 ? null : group.Key.OnlyFor.Split(' ').Select(Guid.Parse).ToArray(),
                group.Key.RoomId))
            .ToArray();
    }

    private static Guid[] RoomsOf(ScheduleDay command) => command.Blocks.Select(b => b.RoomId).OfType<Guid>().Distinct().ToArray();

    private static bool Overlaps(DateTimeOffset a, DateTimeOffset b) => (a - b).Duration() < SlotBlock.SlotLength;
}
