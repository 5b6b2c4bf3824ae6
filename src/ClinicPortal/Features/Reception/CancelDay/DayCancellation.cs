using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Application.Queries;

namespace ClinicPortal.Features.Reception.CancelDay;

/// <summary>Who a day's cancellation reaches: one entry per patient (not per booking), with their times and phone.</summary>
public static class DayCancellation
{
    public const string Reason = "DayCancelled";

    /// <summary>The patients of the live bookings: those a cancellation would reach.</summary>
    public static IReadOnlyList<CancelDayDialog.AffectedPatient> WouldReach(
        IEnumerable<DayAppointment> bookings, IReadOnlyDictionary<Guid, Person> people, Func<DateTimeOffset, string> time) =>
        Patients(bookings.Where(b => b.Cancelled is null), people, time);

    /// <summary>The patients whose bookings fell with the day: the list reception phones.</summary>
    public static IReadOnlyList<CancelDayDialog.AffectedPatient> Reached(
        IEnumerable<DayAppointment> bookings, IReadOnlyDictionary<Guid, Person> people, Func<DateTimeOffset, string> time) =>
        Patients(bookings.Where(b => b.Cancelled == Reason), people, time);

    private static IReadOnlyList<CancelDayDialog.AffectedPatient> Patients(
        IEnumerable<DayAppointment> bookings, IReadOnlyDictionary<Guid, Person> people, Func<DateTimeOffset, string> time) =>
        bookings
            .GroupBy(b => b.PatientId)
            .Select(patient =>
            {
                var person = people.GetValueOrDefault(patient.Key);
                var times = string.Join(", ", patient.OrderBy(b => b.StartUtc).Select(b => $"{time(b.StartUtc)}–{time(b.EndUtc)}"));
                return new CancelDayDialog.AffectedPatient(person?.Name ?? "A patient", times, person?.Phone);
            })
            .OrderBy(p => p.Times, StringComparer.Ordinal)
            .ToArray();
}
