using ClinicPortal.Domain.Scheduling;

namespace ClinicPortal.Features.Scheduling.ScheduleDay;

/// <summary>The times a person can pick for the start or end of a block: every 10-minute mark of the working day.</summary>
public static class TimeChoices
{
    public static readonly TimeOnly EarliestStart = new(6, 0);
    public static readonly TimeOnly LatestEnd = new(22, 0);

    public static IReadOnlyList<TimeOnly> WorkingDay { get; } = Enumerate(EarliestStart, LatestEnd).ToArray();

    private static IEnumerable<TimeOnly> Enumerate(TimeOnly from, TimeOnly to)
    {
        for (var time = from; time <= to; time = time.Add(SlotBlock.SlotLength))
            yield return time;
    }
}
