using ClinicPortal.Application.Queries;
using ClinicPortal.Domain.VisitTypes;
using ClinicPortal.Infrastructure.Practice;

namespace ClinicPortal.Features.Booking.BookSeries;

/// <summary>How a series is named wherever people see it: "Physio, Tuesdays 09:00, 6 of 8 to come".</summary>
public static class SeriesText
{
    public static string Summary(IReadOnlyList<PatientAppointment> appointments, IReadOnlyDictionary<Guid, VisitType> visitTypes, PracticeClock clock)
    {
        var live = appointments.Where(a => a.Cancelled is null).ToArray();
        if (live.Length == 0)
            return "cancelled";
        var first = live[0];
        var local = clock.ToLocal(first.StartUtc);
        var toCome = live.Count(a => a.StartUtc > clock.Now);
        return $"{visitTypes.GetValueOrDefault(first.VisitTypeId)?.Name ?? "Visit"}, {local:dddd}s {local:HH:mm}, {toCome} of {live.Length} to come";
    }
}
