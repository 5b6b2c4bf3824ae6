using Microsoft.AspNetCore.Components;
using ClinicPortal.Application;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Domain;
using ClinicPortal.Features.Reception.CancelDay;
using ClinicPortal.Features.Shared.TimeGrid;
using ClinicPortal.Features.Shared;
using ClinicPortal.Infrastructure.Accounts;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace ClinicPortal.Features.Reception.Day;

public partial class ReceptionPage
{
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "date")] private string? DateInAddress { get; set; }

    /// <summary>A past moment (practice time, yyyy-MM-ddTHH:mm[:ss]): the day as it stood then.</summary>
    [SupplyParameterFromQuery(Name = "asOf")] private string? AsOfInAddress { get; set; }

    /// <summary>A position of the log (the audit trail's "just before / just after this change"): the day as it stood then.</summary>
    [SupplyParameterFromQuery(Name = "at")] private long? AtInAddress { get; set; }

    private Actor? actor;
    private bool isAdmin;
    private PastView? past;
    private DateOnly date;
    private bool loading = true;
    private StaffDays days = StaffDays.None;
    private IReadOnlyList<GridColumn> columns = [];
    private Guid? phoneClinician;

    /// <summary>The clinician a phone shows: the one chosen, else the first with time that day.</summary>
    private int PhoneColumn
    {
        get
        {
            var shown = days.Days.ToList();
            var chosen = shown.FindIndex(d => d.Clinician.Id == phoneClinician);
            return chosen >= 0 ? chosen : Math.Max(0, shown.FindIndex(d => d.Clinician.IsActive && d.Day.Slots.Count > 0));
        }
    }

    protected override async Task OnPageInitializedAsync()
    {
        var user = (await AuthenticationState).User;
        actor = CurrentActor.From(user);
        isAdmin = user.IsInRole(Roles.Admin);
        date = DateOnly.TryParseExact(DateInAddress, "yyyy-MM-dd", out var asked) ? asked : Clock.Today;
        past = await PastView.FromAddressAsync(AsOf, Clock, AsOfInAddress, AtInAddress);
        await LoadAsync();
    }

    /// <summary>The day's calendar changes with any clinician's events of that date (a past view never changes).</summary>
    protected override bool Shows(Appended appended) => past is null && appended.TouchesDate(date);

    protected override async Task LoadAsync()
    {
        loading = true;
        try
        {
            var clinicians = await People.ClinicianPeopleAsync();
            days = past is { } view ? await Days.ReadAsOfAsync(clinicians, date, view.Position) : await Days.ReadAsync(clinicians.Select(d => (d, date)));
            columns = days.Days.Select(d => ScheduleColumns.For(d.Clinician.Name, d.Day, d.Appointments, days, Clock.Now, deactivated: !d.Clinician.IsActive)).ToArray();
        }
        finally
        {
            loading = false;
        }
    }

    private Task ChangeDateAsync(DateTime? chosen) => chosen is { } value ? ShowDayAsync(DateOnly.FromDateTime(value)) : Task.CompletedTask;

    private async Task ShowDayAsync(DateOnly day)
    {
        date = day;
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("date", date.ToString("yyyy-MM-dd")), replace: true);
        await LoadAsync();
    }

    private async Task OpenAppointmentAsync(GridBlock block)
    {
        if (actor is null || block.AppointmentId is not { } bookingId) return;
        var action = await Dialogs.ShowAsync(days, block, Clock, canManage: past is null);
        if (action is null) return;
        if (action == AppointmentDetailsDialog.AppointmentAction.Move && days.Days.Select(d => d.Appointment(bookingId)).OfType<ClinicPortal.Application.Queries.DayAppointment>().FirstOrDefault() is { } booking)
        {
            // The Book page finds the new time, as for a new booking; the old time stays the patient's until then.
            Navigation.NavigateTo($"book?move={bookingId}&type={booking.VisitTypeId}&date={date:yyyy-MM-dd}");
            return;
        }
        if (action == AppointmentDetailsDialog.AppointmentAction.ChangeParts)
        {
            await ChangePartsAsync(bookingId, block);
            return;
        }
        if (action == AppointmentDetailsDialog.AppointmentAction.ChangeRoom)
        {
            await ChangeRoomAsync(bookingId, block);
            return;
        }
        if (action == AppointmentDetailsDialog.AppointmentAction.Cancel &&
            !await Dialogs.ConfirmAsync("Cancel appointment", $"Cancel {block.Label}'s appointment at {Clock.Time(block.StartUtc)}–{Clock.Time(block.EndUtc)} on {date:dddd d MMMM}? They will be emailed.",
                "Cancel appointment", "Keep it", destructive: true))
            return;
        await RunAsync(async () =>
        {
            switch (action)
            {
                case AppointmentDetailsDialog.AppointmentAction.Cancel:
                    Snackbar.Said(await CancelAppointment.HandleAsync(bookingId, actor), "Appointment cancelled", $"{block.Label} will be emailed.");
                    break;
                case AppointmentDetailsDialog.AppointmentAction.Arrived:
                    Snackbar.Said(await MarkVisit.HandleAsync(bookingId, VisitOutcome.Arrived, actor), "Marked arrived", block.Label);
                    break;
                case AppointmentDetailsDialog.AppointmentAction.NoShow:
                    Snackbar.Said(await MarkVisit.HandleAsync(bookingId, VisitOutcome.NoShow, actor), "Marked no-show", block.Label);
                    break;
            }
        });
    }

    /// <summary>Staff change who sees the patient when within the visit; the dialog stays open with what went wrong, if anything.</summary>
    private async Task ChangePartsAsync(Guid bookingId, GridBlock block)
    {
        var shown = days.PartsOf(bookingId);
        if (actor is null || shown.Count == 0) return;
        var clinicians = (await People.CliniciansAsync()).Where(c => c.IsActive || shown.Any(p => p.Day.Clinician.Id == c.Id)).ToArray();
        var parts = shown.Select(p => new AppointmentPartsDialog.PartInput
        {
            Kind = clinicians.FirstOrDefault(c => c.Id == p.Day.Clinician.Id)?.Kind ?? ClinicianKind.Doctor,
            ClinicianId = p.Day.Clinician.Id,
            Start = TimeOnly.FromDateTime(Clock.ToLocal(p.Appointment.StartUtc).DateTime),
            End = TimeOnly.FromDateTime(Clock.ToLocal(p.Appointment.EndUtc).DateTime),
        }).ToArray();
        var visitType = days.VisitTypes.GetValueOrDefault(shown[0].Appointment.VisitTypeId)?.Name ?? "visit";
        var parameters = new DialogParameters<AppointmentPartsDialog>
        {
            { d => d.Parts, parts },
            { d => d.Clinicians, clinicians },
            { d => d.PatientName, block.Label },
            { d => d.VisitTypeName, visitType },
            { d => d.Save, async (IReadOnlyList<AppointmentPartsDialog.PartInput> wanted) =>
                {
                    var changes = new List<(ClinicianKind, ClinicPortal.Features.Booking.ChangeParts.PartChange)>();
                    foreach (var part in wanted)
                    {
                        if (PracticeTime.ToUtc(date, part.Start, Clock.Zone) is not { } start || PracticeTime.ToUtc(date, part.End, Clock.Zone) is not { } end)
                            return RejectionText.For(Rejection.TimeDoesNotExist);
                        changes.Add((part.Kind, new(part.ClinicianId, start, end)));
                    }
                    var result = await PartsHandler.ReplaceAsync(bookingId, changes, actor);
                    if (!result.IsAccepted)
                        return RejectionText.For(result.Rejection!.Value);
                    Snackbar.Done("Parts changed", $"{block.Label} will be emailed the new times.");
                    return null;
                }
            },
        };
        await (await Dialogs.ShowAsync<AppointmentPartsDialog>("Change parts", parameters, ClinicPortal.Features.Shared.Dialogs.Small)).Result;
    }

    /// <summary>Staff put the appointment in another room; the dialog stays open with what went wrong, if anything.</summary>
    private async Task ChangeRoomAsync(Guid bookingId, GridBlock block)
    {
        if (actor is null || days.PartsOf(bookingId) is not { Count: > 0 } shown) return;
        var current = shown[0].Appointment.RoomId;
        var parameters = new DialogParameters<ChangeRoomDialog>
        {
            { d => d.PatientName, block.Label },
            { d => d.CurrentRoom, days.RoomName(current) },
            { d => d.Rooms, (days.Rooms?.Values ?? []).Where(r => r.InUse && r.Id != current).OrderBy(r => r.Name, StringComparer.CurrentCulture).ToArray() },
            { d => d.Save, async (Guid room, string? overrideReason) =>
                {
                    var result = await ChangeRoom.HandleAsync(bookingId, room, actor, overrideReason);
                    if (!result.IsAccepted)
                        return result.Rejection;
                    Snackbar.Done("Room changed", $"{block.Label} will be emailed the new room.");
                    return null;
                }
            },
        };
        await (await Dialogs.ShowAsync<ChangeRoomDialog>("Change room", parameters, ClinicPortal.Features.Shared.Dialogs.Small)).Result;
    }

    private async Task CancelDayAsync(StaffDay day)
    {
        if (actor is null) return;
        var reason = await Dialogs.AskReasonAsync($"Cancel {day.Clinician.Name}'s day", date, DayCancellation.WouldReach(day.Appointments, days.People, Clock.Time));
        if (reason is null) return;
        await RunAsync(async () =>
        {
            var result = await CancelDay.HandleAsync(day.Clinician.Id, date, reason, actor);
            Snackbar.Said(result, $"{day.Clinician.Name}'s day cancelled", DayCancellationDialog.WhoIsEmailed(result.Value));
        });
    }

    private Task ShowCalendarFeedsAsync() =>
        Dialogs.ShowAsync<CalendarFeeds.CalendarFeedsDialog>("Clinicians' calendar addresses", Shared.Dialogs.Medium);
}
