using SeriesCommand = ClinicPortal.Domain.Booking.BookSeries;

namespace ClinicPortal.Features.Booking.BookSeries;

/// <summary>
/// A series asked for: <paramref name="VisitTypeId"/> for the patient with one clinician (or, null, any who gives it), first
/// at <paramref name="FirstStart"/> (the practice's local time), then every <paramref name="EveryWeeks"/> weeks on that
/// weekday at that time, <paramref name="Occurrences"/> times or until <paramref name="Until"/> (one of the two).
/// </summary>
public sealed record SeriesRequest(
    Guid PatientId, Guid VisitTypeId, Guid? ClinicianId, DateTime FirstStart, int EveryWeeks, int? Occurrences, DateOnly? Until)
{
    public const int MinOccurrences = 2;
    public const int MaxEveryWeeks = 4;

    /// <summary>What is wrong with the request, in a sentence for the person (null: nothing).</summary>
    public string? Problem(DateOnly today)
    {
        if (EveryWeeks is < 1 or > MaxEveryWeeks)
            return $"Choose every 1 to {MaxEveryWeeks} weeks.";
        if ((Occurrences is null) == (Until is null))
            return "Say how many appointments, or until which date (one of the two).";
        if (DateOnly.FromDateTime(FirstStart) < today)
            return "The first appointment must be today or later.";
        var count = Dates().Count;
        if (Occurrences is not null && Occurrences is < MinOccurrences or > SeriesCommand.MaxOccurrences)
            return $"A series has {MinOccurrences} to {SeriesCommand.MaxOccurrences} appointments.";
        if (Until is { } until && (count < MinOccurrences || until > DateOnly.FromDateTime(FirstStart).AddDays(7 * EveryWeeks * (SeriesCommand.MaxOccurrences - 1))))
            return $"Until that date the series would have {count} appointments; a series has {MinOccurrences} to {SeriesCommand.MaxOccurrences}.";
        return null;
    }

    /// <summary>The series' dates: the first, then every <see cref="EveryWeeks"/> weeks (at most the most a series has).</summary>
    public IReadOnlyList<DateOnly> Dates()
    {
        var first = DateOnly.FromDateTime(FirstStart);
        var step = 7 * Math.Clamp(EveryWeeks, 1, MaxEveryWeeks);
        var limit = SeriesCommand.MaxOccurrences + 1;
        return Enumerable.Range(0, Occurrences is { } n ? Math.Clamp(n, 0, limit) : limit)
            .Select(i => first.AddDays(i * step))
            .TakeWhile(date => Until is not { } until || date <= until)
            .ToArray();
    }

    public TimeOnly Time => TimeOnly.FromDateTime(FirstStart);
}
