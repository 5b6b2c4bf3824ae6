using ClinicPortal.Domain.EventStore;

namespace ClinicPortal.Domain.Scheduling;

/// <summary>
/// A block of time a clinician offers, in the practice's local time: to everyone, or kept for staff to book
/// (<paramref name="StaffOnly"/>), and for every visit type or only those listed (<paramref name="OnlyFor"/>).
/// </summary>
public sealed record BlockOfTime(TimeOnly Start, TimeOnly End, bool StaffOnly = false, IReadOnlyList<Guid>? OnlyFor = null)
{
    /// <summary>Blocks with the same terms are logged as one event; "only for" as a set, in a fixed order.</summary>
    internal (bool StaffOnly, string OnlyFor) Terms => (StaffOnly, OnlyFor is { Count: > 0 } ids ? string.Join(' ', ids.Distinct().Order()) : "");
}

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

        // One event per kind of time: the day's open time as before, and each kind of kept time beside it.
        return starts
            .GroupBy(start => termsOf[start].Terms)
            .Select(group => new DayScheduled(command.DoctorId, command.Date,
                group.Select(start => new ScheduledSlot(command.NewSlotId(), start)).ToArray(),
                group.Key.StaffOnly,
                group.Key.OnlyFor.Length == 0 ? null : group.Key.OnlyFor.Split(' ').Select(Guid.Parse).ToArray()))
            .ToArray();
    }

    private static bool Overlaps(DateTimeOffset a, DateTimeOffset b) => (a - b).Duration() < SlotBlock.SlotLength;
}
