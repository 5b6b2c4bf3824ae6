using ClinicPortal.Application.Queries;
using ClinicPortal.Domain;
using ClinicPortal.Domain.Rooms;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Features.Scheduling.ScheduleDay;
using ClinicPortal.Features.Shared;
using ClinicPortal.Features.Shared.TimeGrid;

namespace ClinicPortal.Features.Scheduling.MySchedule;

/// <summary>
/// My schedule's forms without the page: the blocks of time being planned for the shown day, judged against the day as
/// it stands while they are edited, and the dates the day's hours are copied or repeated to, each scheduled as its own
/// decision and each outcome said.
/// </summary>
public sealed class SchedulePlanner
{
    /// <summary>How far ahead a day's hours can be repeated in one go.</summary>
    public const int MaxRepeatDays = 366;

    public static readonly DayOfWeek[] Weekdays =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    private readonly List<BlockOfTime> _blocks = [new(new(9, 0), new(12, 0))];
    private DayToJudge? _day;

    /// <summary>What the blocks are judged against: the shown day as it stands, and who schedules it when.</summary>
    public sealed record DayToJudge(ClinicianDayView Day, TimeZoneInfo Zone, Actor By, DateTimeOffset Now, IReadOnlyList<Room> Rooms, IReadOnlyList<RoomTime> RoomTime);

    public IReadOnlyList<BlockOfTime> Blocks => _blocks;

    /// <summary>How many slots the blocks would add to the day, or why they would be refused; null with no day to judge.</summary>
    public Checked<int>? Plan { get; private set; }

    public SortedSet<DateOnly> CopyDates { get; } = [];
    public DateTime? CopyTo { get; set; }
    public HashSet<DayOfWeek> RepeatOn { get; } = [];
    public DateTime? RepeatUntil { get; set; }

    /// <summary>The last copy's or repeat's outcome: how many days were scheduled, and each day's line.</summary>
    public string? Summary { get; private set; }

    public IReadOnlyList<string> Results { get; private set; } = [];

    /// <summary>Judges the blocks against <paramref name="day"/> (null: nothing to judge them against).</summary>
    public void JudgeAgainst(DayToJudge? day)
    {
        _day = day;
        Judge();
    }

    public void SetBlock(int index, TimeOnly? start = null, TimeOnly? end = null)
    {
        var block = _blocks[index];
        _blocks[index] = block with { Start = start ?? block.Start, End = end ?? block.End };
        Judge();
    }

    /// <summary>Keeps a block for staff to book, and/or for some visit types only (none chosen: every visit type).</summary>
    public void SetTerms(int index, bool? staffOnly = null, IEnumerable<Guid>? onlyFor = null)
    {
        var block = _blocks[index];
        var only = onlyFor?.ToArray();
        _blocks[index] = block with
        {
            StaffOnly = staffOnly ?? block.StaffOnly,
            OnlyFor = only is null ? block.OnlyFor : only.Length == 0 ? null : only,
        };
    }

    /// <summary>Puts a block in a room (null: none); the plan is judged again, since another clinician may hold the room then.</summary>
    public void SetRoom(int index, Guid? room)
    {
        _blocks[index] = _blocks[index] with { RoomId = room };
        Judge();
    }

    /// <summary>Another block: the afternoon's after a morning, else an hour after the last.</summary>
    public void AddBlock()
    {
        var last = _blocks.Count == 0 ? new TimeOnly(11, 0) : _blocks[^1].End;
        var start = last < new TimeOnly(14, 0) ? new TimeOnly(14, 0) : last.AddHours(1);
        _blocks.Add(new(start, start.AddHours(start < new TimeOnly(19, 0) ? 3 : 1)));
        Judge();
    }

    public void RemoveBlock(int index)
    {
        _blocks.RemoveAt(index);
        Judge();
    }

    /// <summary>
    /// After scheduling, the form starts afresh: an hour from the day's last scheduled end (what is scheduled is on the
    /// calendar beside it; the blocks just scheduled would now only overlap themselves), the morning's hours when that
    /// would run past the day.
    /// </summary>
    public void StartAfter(TimeOnly lastEnd)
    {
        _blocks.Clear();
        _blocks.Add(lastEnd < new TimeOnly(23, 0) ? new(lastEnd, lastEnd.AddHours(1)) : new(new(9, 0), new(12, 0)));
        Judge();
    }

    /// <summary>Adds the date chosen to copy to (never the shown day itself).</summary>
    public void AddCopyDate(DateOnly shown)
    {
        if (CopyTo is { } chosen && DateOnly.FromDateTime(chosen) != shown)
            CopyDates.Add(DateOnly.FromDateTime(chosen));
        CopyTo = null;
    }

    /// <summary>The days after <paramref name="shown"/> the chosen weekdays fall on, until the chosen date.</summary>
    public IReadOnlyList<DateOnly> RepeatDates(DateOnly shown) => RepeatUntil is { } until && RepeatOn.Count > 0
        ? DayBlocks.Weekly(shown, RepeatOn, DateOnly.FromDateTime(until)) : [];

    /// <summary>A day's blocks with their terms (time kept for staff stays kept wherever it is copied).</summary>
    public static IReadOnlyList<BlockOfTime> HoursOf(StaffDay day, Func<DateTimeOffset, DateTimeOffset> toLocal) =>
        DayBlocks.FromSlots(day.Day.Slots.Select(s => new SlotTerms(TimeOnly.FromDateTime(toLocal(s.StartUtc).DateTime), s.StaffOnly, s.OnlyFor, s.RoomId)));

    /// <summary>Forgets the last copy's or repeat's outcome (another day is shown).</summary>
    public void ClearResults() => Results = [];

    /// <summary>
    /// Schedules <paramref name="hours"/> on each of <paramref name="dates"/>, each its own decision, and says which were
    /// scheduled and which were refused, with the rule that refused each (<paramref name="refusedWord"/>: "not copied").
    /// </summary>
    public async Task ScheduleEachAsync(
        ScheduleDayHandler scheduleDay, Guid clinicianId, IReadOnlyList<DateOnly> dates, IReadOnlyList<BlockOfTime> hours, Actor by, string refusedWord)
    {
        var results = new List<string>();
        var scheduled = 0;
        foreach (var target in dates)
        {
            var result = await scheduleDay.HandleAsync(clinicianId, target, hours, by);
            if (result.IsAccepted) scheduled++;
            results.Add(result.IsAccepted
                ? $"{target:ddd d MMM}: {result.Value!.Slots.Count} slots scheduled."
                : $"{target:ddd d MMM}: {refusedWord}. {RejectionText.For(result.Rejection!.Value)}");
        }
        Results = results;
        Summary = $"{scheduled} of {dates.Count} {(dates.Count == 1 ? "day" : "days")} scheduled"
            + (scheduled == dates.Count ? "." : $", {dates.Count - scheduled} refused (below, with the rule that refused each).");
    }

    private void Judge() =>
        Plan = _day is { } day ? DayPlan.Judge(day.Day, _blocks, day.Zone, day.By, day.Now, day.Rooms, day.RoomTime) : null;
}
