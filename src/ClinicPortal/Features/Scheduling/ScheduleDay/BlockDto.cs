namespace ClinicPortal.Features.Scheduling.ScheduleDay;

/// <summary>A block of a day, in the practice's local time, and the room it is in (none when left out).</summary>
public sealed record BlockDto(string? Start, string? End, Guid? RoomId = null);
