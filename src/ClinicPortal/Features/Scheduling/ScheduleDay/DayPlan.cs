using System.Collections.Immutable;
using ClinicPortal.Domain;
using ClinicPortal.Domain.Rooms;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Application.Queries;

namespace ClinicPortal.Features.Scheduling.ScheduleDay;

/// <summary>
/// Judges the blocks a clinician is about to schedule against the whole day as it stands, while they edit: the
/// same decider that will judge the command, run on the day's current slots. So overlapping blocks, more than
/// six hours in all, times already scheduled and times already past are said before anyone presses a button.
/// </summary>
public static class DayPlan
{
    /// <summary>
    /// How many slots the blocks would add to the day, or why the practice would refuse them; <paramref name="rooms"/>
    /// and <paramref name="roomTime"/> (every clinician's time in a room that date) judge blocks in rooms.
    /// </summary>
    public static Checked<int> Judge(
        ClinicianDayView day, IReadOnlyList<BlockOfTime> blocks, TimeZoneInfo zone, Actor by, DateTimeOffset now,
        IReadOnlyList<Room>? rooms = null, IReadOnlyList<RoomTime>? roomTime = null)
    {
        var clinicianDay = ClinicianDay.Empty(day.ClinicianId, day.Date) with
        {
            Slots = day.Slots.ToImmutableSortedDictionary(s => s.SlotId, s => new DaySlot(s.SlotId, s.StartUtc, s.Holders, s.RoomId)),
            Cancelled = day.Cancelled,
        };
        var state = DayToSchedule.Of(clinicianDay) with
        {
            Rooms = new RoomList((rooms ?? []).ToImmutableDictionary(r => r.Id)),
            RoomSlots = (roomTime ?? []).ToImmutableDictionary(_ => Guid.NewGuid()), // the slots' ids play no part in the judgement
        };
        var command = new Domain.Scheduling.ScheduleDay(day.ClinicianId, day.Date, blocks, zone, Guid.NewGuid, by, now);
        var decision = ScheduleDayDecider.Decide(command, state);
        // Blocks in different rooms (or none) are logged as a day scheduled each: the day gains all their slots.
        return decision.IsAccepted ? decision.Value!.Sum(e => e.Slots.Count) : decision.Rejection!.Value;
    }
}
