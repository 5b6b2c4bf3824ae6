using ClinicPortal.Features.Shared;
using ClinicPortal.Features.Shared.TimeGrid;
using ClinicPortal.Infrastructure.Practice;
using MudBlazor;

namespace ClinicPortal.Features.Reception.Day;

public static class AppointmentDetails
{
    /// <summary>
    /// Opens a booking's details from a calendar block; returns what staff chose to do, or null. <paramref name="canLeavePart"/>:
    /// the clinician whose calendar it is may take their part of a visit shared with others back. <paramref name="everyPart"/>:
    /// each clinician's part of the visit, for a calendar that shows only some of them (a clinician's own).
    /// </summary>
    public static async Task<AppointmentDetailsDialog.AppointmentAction?> ShowAsync(
        this IDialogService dialogs, StaffDays days, GridBlock block, PracticeClock clock, bool canManage, bool canLeavePart = false,
        IReadOnlyList<(string Clinician, DateTimeOffset StartUtc, DateTimeOffset EndUtc)>? everyPart = null)
    {
        var day = days.Days.FirstOrDefault(d => block.AppointmentId is { } id && d.Appointment(id) is not null);
        if (day is null || day.Appointment(block.AppointmentId!.Value) is not { } booking)
            return null;
        var patient = days.People.GetValueOrDefault(booking.PatientId) ?? new(booking.PatientId, "A patient", "", null, true);
        // A visit of several clinicians is a block in each one's column: the details are of the whole visit.
        var parts = everyPart ?? days.PartsOf(booking.AppointmentId).Select(p => (p.Day.Clinician.Name, p.Appointment.StartUtc, p.Appointment.EndUtc)).ToArray();
        var (start, end) = (parts.Min(p => p.StartUtc), parts.Max(p => p.EndUtc));
        var parameters = new DialogParameters<AppointmentDetailsDialog>
        {
            { d => d.Appointment, booking },
            { d => d.Patient, patient },
            { d => d.ClinicianName, day.Clinician.Name },
            { d => d.Parts, parts.Select(p => $"{p.Clinician} {clock.Time(p.StartUtc)}–{clock.Time(p.EndUtc)}").ToArray() },
            { d => d.RoomName, days.RoomName(booking.RoomId) },
            { d => d.VisitTypeName, days.VisitTypes.GetValueOrDefault(booking.VisitTypeId)?.Name ?? "" },
            { d => d.When, $"{day.Day.Date:dddd d MMMM}, {clock.Time(start)}–{clock.Time(end)}" },
            { d => d.BookedBy, booking.BookedBy == booking.PatientId.ToString() ? "the patient" : days.NameOf(booking.BookedBy) },
            { d => d.BookedAt, clock.ToLocal(booking.BookedAt).ToString("ddd d MMM, HH:mm") },
            { d => d.Started, start <= clock.Now },
            { d => d.CanManage, canManage },
            { d => d.CanLeavePart, canLeavePart && start > clock.Now },
            { d => d.CanChangeRoom, canManage && days.Rooms is { Count: > 0 } },
        };
        var dialog = await dialogs.ShowAsync<AppointmentDetailsDialog>(patient.Name, parameters, Dialogs.Small);
        var result = await dialog.Result;
        return result is { Canceled: false, Data: AppointmentDetailsDialog.AppointmentAction action } ? action : null;
    }
}
