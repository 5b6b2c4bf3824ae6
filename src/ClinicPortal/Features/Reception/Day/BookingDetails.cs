using ClinicPortal.Features.Shared;
using ClinicPortal.Features.Shared.TimeGrid;
using ClinicPortal.Infrastructure.Practice;
using MudBlazor;

namespace ClinicPortal.Features.Reception.Day;

public static class BookingDetails
{
    /// <summary>
    /// Opens a booking's details from a calendar block; returns what staff chose to do, or null. <paramref name="canLeavePart"/>:
    /// the clinician whose calendar it is may take their part of a visit shared with others back. <paramref name="everyPart"/>:
    /// each clinician's part of the visit, for a calendar that shows only some of them (a clinician's own).
    /// </summary>
    public static async Task<BookingDetailsDialog.BookingAction?> ShowAsync(
        this IDialogService dialogs, StaffDays days, GridBlock block, PracticeClock clock, bool canManage, bool canLeavePart = false,
        IReadOnlyList<(string Clinician, DateTimeOffset StartUtc, DateTimeOffset EndUtc)>? everyPart = null)
    {
        var day = days.Days.FirstOrDefault(d => block.BookingId is { } id && d.Booking(id) is not null);
        if (day is null || day.Booking(block.BookingId!.Value) is not { } booking)
            return null;
        var patient = days.People.GetValueOrDefault(booking.PatientId) ?? new(booking.PatientId, "A patient", "", null, true);
        // A visit of several clinicians is a block in each one's column: the details are of the whole visit.
        var parts = everyPart ?? days.PartsOf(booking.BookingId).Select(p => (p.Day.Clinician.Name, p.Booking.StartUtc, p.Booking.EndUtc)).ToArray();
        var (start, end) = (parts.Min(p => p.StartUtc), parts.Max(p => p.EndUtc));
        var parameters = new DialogParameters<BookingDetailsDialog>
        {
            { d => d.Booking, booking },
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
        var dialog = await dialogs.ShowAsync<BookingDetailsDialog>(patient.Name, parameters, Dialogs.Small);
        var result = await dialog.Result;
        return result is { Canceled: false, Data: BookingDetailsDialog.BookingAction action } ? action : null;
    }
}
