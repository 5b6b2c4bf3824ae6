using ClinicPortal.Domain;
using ClinicPortal.Features.Shared;
using MudBlazor;

namespace ClinicPortal.Features.Reception.CancelDay;

public static class DayCancellationDialog
{
    /// <summary>Shows who a cancellation of the day would reach and asks for the reason; null when staff keep the day.</summary>
    public static async Task<string?> AskReasonAsync(
        this IDialogService dialogs, string title, DateOnly date, IReadOnlyList<CancelDayDialog.AffectedPatient> affected)
    {
        var parameters = new DialogParameters<CancelDayDialog>
        {
            { d => d.Title, title },
            { d => d.Date, date },
            { d => d.Affected, affected },
        };
        var dialog = await dialogs.ShowAsync<CancelDayDialog>(title, parameters, Dialogs.Small);
        return await dialog.Result is { Canceled: false, Data: string reason } ? reason : null;
    }

    /// <summary>What the outcome says: how many patients (not bookings) will be emailed, and how many shared visits await a person.</summary>
    public static string WhoIsEmailed(DayCancelled? cancelled)
    {
        var emailed = (cancelled?.CancelledAppointments.Select(b => b.PatientId).Distinct().Count() ?? 0) switch
        {
            0 when cancelled?.LostParts is not { Count: > 0 } => "Nobody was booked.",
            0 => "",
            1 => "1 patient will be emailed.",
            var n => $"{n} patients will be emailed.",
        };
        var shared = cancelled?.LostParts?.Count ?? 0;
        var desk = shared switch
        {
            0 => "",
            1 => "1 visit with other clinicians goes on without them for now: it is on the conflicts desk.",
            var n => $"{n} visits with other clinicians go on without them for now: they are on the conflicts desk.",
        };
        return string.Join(" ", new[] { emailed, desk }.Where(s => s.Length > 0));
    }
}
