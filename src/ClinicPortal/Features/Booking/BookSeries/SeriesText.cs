using ClinicPortal.Application.Queries;
using ClinicPortal.Features.Shared;
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

    /// <summary>What cancelling the rest came to, as the pages that offer it say it.</summary>
    public static void TellCancelled(MudBlazor.ISnackbar snackbar, int cancelled, IReadOnlyList<(PatientAppointment Appointment, Domain.Rejection Why)> refused)
    {
        if (refused.Count == 0)
            snackbar.Done($"Cancelled {cancelled} appointments of the series");
        else
            snackbar.Refused($"Cancelled {cancelled}; {refused.Count} could not be", refused[0].Why);
    }
}
