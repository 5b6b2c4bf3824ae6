namespace ClinicPortal.Features.Booking.BookSeries;

/// <summary>A series' plan as the API answers it: each date, bookable or refused with its reason, and other times that week.</summary>
public sealed record SeriesPlanDto(Guid SeriesId, IReadOnlyList<SeriesDateDto> Dates, IReadOnlyList<DateOnly> Changed);

/// <summary>One date of a plan: <paramref name="Reason"/> the error code (<c>no_free_time</c> when nobody is free then), <paramref name="ReasonText"/> its sentence.</summary>
public sealed record SeriesDateDto(
    DateOnly Date, DateTimeOffset? Start, bool Bookable, Guid? ClinicianId, string? Reason, string? ReasonText, IReadOnlyList<DateTimeOffset> Alternatives);

/// <summary>A booked series: its appointments by start, each with its status now.</summary>
public sealed record SeriesDto(Guid SeriesId, Guid PatientId, Guid ServiceId, IReadOnlyList<SeriesAppointmentDto> Appointments);

public sealed record SeriesAppointmentDto(Guid AppointmentId, DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<Guid> ClinicianIds, Guid? RoomId, string Status);

/// <summary>What cancelling the rest of a series did: the appointments cancelled, and those refused with their error code.</summary>
public sealed record SeriesCancelledDto(IReadOnlyList<Guid> Cancelled, IReadOnlyList<SeriesRefusalDto> Refused);

public sealed record SeriesRefusalDto(Guid AppointmentId, string Error, string Detail);
