using ClinicPortal.Domain.EventStore;

namespace ClinicPortal.Domain.Scheduling;

/// <summary>A block of time a doctor offers, in the practice's local time.</summary>
public sealed record BlockOfTime(TimeOnly Start, TimeOnly End);

/// <summary>Offer one or more blocks of 10-minute slots on a doctor's day.</summary>
/// <param name="NewSlotId">Gives each new slot its id (an input, so that deciding stays pure).</param>
public sealed record ScheduleDay(
    Guid DoctorId, DateOnly Date, IReadOnlyList<BlockOfTime> Blocks, TimeZoneInfo PracticeZone,
    Func<Guid> NewSlotId, Actor By, DateTimeOffset Now) : ICommand;

public sealed class ScheduleDayDecider : IDecider<ScheduleDay, DoctorDay, DayScheduled>
{
    public static Query QueryFor(ScheduleDay command) => DoctorDay.QueryFor(command.DoctorId, command.Date);
    public static DoctorDay Initial(ScheduleDay command) => DoctorDay.Empty(command.DoctorId, command.Date);
    public static DoctorDay Evolve(DoctorDay state, IClinicEvent @event) => state.Evolve(@event);

    public static Checked<IReadOnlyList<DayScheduled>> Decide(ScheduleDay command, DoctorDay day)
    {
        if (!command.By.MayManageDaysOf(command.DoctorId))
            return Rejection.NotYourDay;
        if (command.Blocks.Count == 0)
            return Rejection.NoBlocks;
        if (day.Cancelled)
            return Rejection.DayAlreadyCancelled;

        var starts = new List<DateTimeOffset>();
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

        var slots = starts.Select(start => new ScheduledSlot(command.NewSlotId(), start)).ToArray();
        return new DayScheduled[] { new DayScheduled(command.DoctorId, command.Date, slots) };
    }

    private static bool Overlaps(DateTimeOffset a, DateTimeOffset b) => (a - b).Duration() < SlotBlock.SlotLength;
}
