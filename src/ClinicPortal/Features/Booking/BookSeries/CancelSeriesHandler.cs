using ClinicPortal.Application.Ports;
using ClinicPortal.Application.Queries;
using ClinicPortal.Domain;
using ClinicPortal.Features.Booking.CancelAppointment;

namespace ClinicPortal.Features.Booking.BookSeries;

/// <summary>
/// "Cancel the rest of the series": each live appointment of it from a moment on (now, or a later occurrence's start) is
/// cancelled as it would be on its own, by the same rules (a patient only their own and their dependants', and not within the practice's cut-off:
/// those are left and said).
/// </summary>
public sealed class CancelSeriesHandler(IScheduleQueries schedule, CancelAppointmentHandler cancel, IPracticeClock clock, IAccounts people)
{
    /// <summary>The series' live appointments from <paramref name="from"/> (none: now); empty when there is no such series for this person.</summary>
    public async Task<IReadOnlyList<PatientAppointment>> RestAsync(Guid seriesId, Actor by, DateTimeOffset? from = null, CancellationToken ct = default)
    {
        var all = await schedule.SeriesAppointmentsAsync(seriesId, ct);
        by = await people.SpeakingAsync(by, ct);
        if (all.Count == 0 || by.IsOtherPatientThan(all[0].PatientId) || by.IsClinician)
            return [];
        var start = from is { } asked && asked > clock.Now ? asked : clock.Now;
        return all.Where(a => a.Cancelled is null && a.VisitOutcome is null && a.StartUtc >= start).ToArray();
    }

    /// <summary>Cancels the rest; what was cancelled, and what was refused with why.</summary>
    public async Task<(IReadOnlyList<AppointmentCancelled> Cancelled, IReadOnlyList<(PatientAppointment Appointment, Rejection Why)> Refused)> HandleAsync(
        Guid seriesId, Actor by, DateTimeOffset? from = null, CancellationToken ct = default)
    {
        var cancelled = new List<AppointmentCancelled>();
        var refused = new List<(PatientAppointment, Rejection)>();
        foreach (var appointment in await RestAsync(seriesId, by, from, ct))
        {
            var result = await cancel.HandleAsync(appointment.AppointmentId, by, ct);
            if (result.IsAccepted)
                cancelled.Add(result.Value!);
            else
                refused.Add((appointment, result.Rejection!.Value));
        }
        return (cancelled, refused);
    }
}
