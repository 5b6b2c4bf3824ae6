namespace ClinicPortal.Domain.Booking;

/// <summary>
/// Book a series of appointments for one patient (the same visit type, week after week) in one conditional append:
/// every one of <paramref name="Occurrences"/> is a booking judged by every rule a booking of its own meets, and by the
/// ones before it (the monthly limit counts them, the patient is not in two at once). All of them are booked, or none.
/// </summary>
public sealed record BookSeries(Guid SeriesId, Guid PatientId, IReadOnlyList<BookSlots> Occurrences, Actor By, DateTimeOffset Now)
    : ICommand<BookSeries, BookSeriesDecider, AppointmentToBook, SlotsBooked>
{
    /// <summary>The most occurrences a series has.</summary>
    public const int MaxOccurrences = 26;
}
