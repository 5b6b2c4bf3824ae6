namespace ClinicPortal.Domain.Scheduling;

/// <summary>Offer one or more blocks of 10-minute slots on a clinician's day.</summary>
/// <param name="NewSlotId">Gives each new slot its id (an input, so that deciding stays pure).</param>
public sealed record ScheduleDay(
    Guid ClinicianId, DateOnly Date, IReadOnlyList<BlockOfTime> Blocks, TimeZoneInfo PracticeZone,
    Func<Guid> NewSlotId, Actor By, DateTimeOffset Now) : ICommand<ScheduleDay, ScheduleDayDecider, DayToSchedule, DayScheduled>;
