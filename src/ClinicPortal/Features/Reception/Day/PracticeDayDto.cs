namespace ClinicPortal.Features.Reception.Day;

/// <summary>A practice day: each clinician's slots with their state and patient, now or as they stood at <see cref="AsOf"/> (the log's <see cref="Position"/> then).</summary>
public sealed record PracticeDayDto(DateOnly Date, DateTimeOffset? AsOf, long? Position, IReadOnlyList<ClinicianDayDto> Clinicians);
