using Microsoft.AspNetCore.Components;
using ClinicPortal.Application;
using ClinicPortal.Domain.EventStore;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Features.Reception.CancelDay;
using ClinicPortal.Features.Reception.Day;
using ClinicPortal.Features.Shared.TimeGrid;
using ClinicPortal.Features.Shared;
using ClinicPortal.Infrastructure.Accounts;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace ClinicPortal.Features.Scheduling.MySchedule;

public partial class SchedulePage
{
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "date")] private string? DateInAddress { get; set; }
    [SupplyParameterFromQuery(Name = "doctor")] private Guid? ClinicianInAddress { get; set; }

    /// <summary>A past moment (practice time, yyyy-MM-ddTHH:mm[:ss]): the schedule as it stood then.</summary>
    [SupplyParameterFromQuery(Name = "asOf")] private string? AsOfInAddress { get; set; }

    /// <summary>A position of the log: the schedule as it stood then.</summary>
    [SupplyParameterFromQuery(Name = "at")] private long? AtInAddress { get; set; }

    private PastView? past;
    private bool isAdmin;

    private Domain.Actor? actor;
    private IReadOnlyList<Person> clinicians = [];
    private Guid clinicianId;
    private DateOnly date;
    private const int WeekTab = 1;
    private int tab;
    private bool loading = true;
    private StaffDays days = StaffDays.None;
    private StaffDays week = StaffDays.None;
    private GridColumn? dayColumn;
    private IReadOnlyList<GridColumn> weekColumns = [];
    private readonly SchedulePlanner planner = new();
    private IReadOnlyList<ClinicPortal.Domain.VisitTypes.VisitType> visitTypes = [];
    private IReadOnlyList<ClinicPortal.Domain.Rooms.Room> rooms = [];
    private IReadOnlyList<RoomTime> roomTime = [];
    private HashSet<Guid> selected = [];

    private StaffDay? Today => days.Days.FirstOrDefault();
    private DateOnly WeekStart => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    protected override async Task OnPageInitializedAsync()
    {
        var user = (await AuthenticationState).User;
        actor = CurrentActor.From(user);
        isAdmin = user.IsInRole(Roles.Admin);
        past = await PastView.FromAddressAsync(AsOf, Clock, AsOfInAddress, AtInAddress);
        clinicians = await People.ClinicianPeopleAsync();
        visitTypes = await VisitTypeCatalogue.AllAsync();
        rooms = await RoomList.AllAsync();
        clinicianId = actor?.IsClinician == true ? actor.Id
            : clinicians.FirstOrDefault(d => d.Id == ClinicianInAddress)?.Id ?? clinicians.FirstOrDefault()?.Id ?? Guid.Empty;
        date = DateOnly.TryParseExact(DateInAddress, "yyyy-MM-dd", out var asked) ? asked : Clock.Today; // today's patients first, as Reception
        await LoadAsync();
    }

    /// <summary>The schedule shown is one clinician's: only their events change it (a past view never changes).</summary>
    protected override bool Shows(Appended appended) => past is null && appended.Touches(Tag.Clinician(clinicianId));

    private string ClinicianName => clinicians.FirstOrDefault(d => d.Id == clinicianId)?.Name ?? "the clinician";

    /// <summary>This page's address for the day and clinician shown, now or as of a moment (escaped).</summary>
    private string Address(string? asOf) =>
        $"schedule?date={date:yyyy-MM-dd}" + (actor?.IsClinician == true ? "" : $"&doctor={clinicianId}") + (asOf is null ? "" : $"&asOf={asOf}");

    /// <summary>The clinician's days shown: now, or as they stood at the past view.</summary>
    private Task<StaffDays> ReadAsync(Person clinician, IReadOnlyList<DateOnly> dates) =>
        past is { } view ? Days.ReadAsOfAsync(dates.Select(d => (clinician, d)).ToArray(), view.Position) : Days.ReadAsync(dates.Select(d => (clinician, d)));

    protected override async Task LoadAsync()
    {
        loading = true;
        try
        {
            var clinician = clinicians.FirstOrDefault(d => d.Id == clinicianId) ?? new Person(clinicianId, "", "", null, true);
            days = await ReadAsync(clinician, [date]);
            dayColumn = ScheduleColumns.For(clinician.Name, days.Days[0].Day, days.Days[0].Appointments, days, Clock.Now);
            if (tab == WeekTab)
            {
                week = await ReadAsync(clinician, Enumerable.Range(0, 7).Select(WeekStart.AddDays).ToArray());
                weekColumns = week.Days.Select(d => ScheduleColumns.For(d.Day.Date.ToString("ddd d MMM"), d.Day, d.Appointments, week, Clock.Now)).ToArray();
            }
            selected.IntersectWith(days.Days[0].Day.Slots.Where(s => !s.IsBooked).Select(s => s.SlotId));
            roomTime = rooms.Count > 0 ? await Schedule.RoomTimeAsync(date) : [];
            JudgePlan();
        }
        finally
        {
            loading = false;
        }
    }

    private async Task ChangeTabAsync(int index)
    {
        tab = index;
        await LoadAsync();
    }

    private void JudgePlan() => planner.JudgeAgainst(actor is null || Today is null ? null
        : new SchedulePlanner.DayToJudge(Today.Day, Clock.Zone, actor, Clock.Now, rooms, roomTime));

    private Task ChangeDateAsync(DateTime? chosen) => chosen is { } value ? ShowAsync(DateOnly.FromDateTime(value)) : Task.CompletedTask;

    private async Task ChangeClinicianAsync(Guid id)
    {
        clinicianId = id;
        await ShowAsync(date);
    }

    private async Task ShowAsync(DateOnly day)
    {
        date = day;
        selected.Clear();
        planner.ClearResults();
        var address = Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["date"] = date.ToString("yyyy-MM-dd"),
            ["doctor"] = actor?.IsClinician == true ? null : clinicianId,
        });
        Navigation.NavigateTo(address, replace: true);
        await LoadAsync();
    }

    private void SetBlock(int index, TimeOnly? start = null, TimeOnly? end = null) => planner.SetBlock(index, start, end);

    private void SetTerms(int index, bool? staffOnly = null, IEnumerable<Guid>? onlyFor = null) => planner.SetTerms(index, staffOnly, onlyFor);

    private void SetRoom(int index, Guid? room) => planner.SetRoom(index, room);

    private void AddBlock() => planner.AddBlock();

    private void RemoveBlock(int index) => planner.RemoveBlock(index);

    private void Toggle(Guid slotId)
    {
        if (past is not null) return;
        if (!selected.Remove(slotId)) selected.Add(slotId);
    }

    private async Task ScheduleAsync()
    {
        if (actor is null) return;
        await RunAsync(async () =>
        {
            var result = await ScheduleDay.HandleAsync(clinicianId, date, planner.Blocks.ToArray(), actor);
            Snackbar.Said(result, "Scheduled", $"{result.Value?.Slots.Count} slots on {date:ddd d MMM}.", refusedTitle: "Not scheduled");
            if (result.Value is { } scheduled)
            {
                var lastEnd = (Today?.Day.Slots.Select(s => s.EndUtc) ?? []).Concat(scheduled.Slots.Select(s => s.EndUtc)).Max();
                planner.StartAfter(TimeOnly.FromDateTime(Clock.ToLocal(lastEnd).DateTime));
                await LoadAsync();
            }
        });
    }

    private async Task RemoveAsync()
    {
        if (actor is null) return;
        var count = selected.Count;
        await RunAsync(async () =>
        {
            var result = await RemoveSlots.HandleAsync(clinicianId, date, selected.ToArray(), actor);
            Snackbar.Said(result, "Removed", $"{count} {(count == 1 ? "slot" : "slots")} taken back.");
            selected.Clear();
        });
    }

    /// <summary>
    /// A booking's details; for the clinician's part of a visit shared with others, they may take their time back: the visit
    /// goes on with the others and waits on the conflicts desk for reception to give the part to someone else or drop it.
    /// </summary>
    private async Task ShowAppointmentAsync(GridBlock block)
    {
        var shown = tab == WeekTab ? week : days;
        if (block.AppointmentId is not { } bookingId)
            return;
        var parts = await Schedule.PartsAsync(bookingId);
        var shared = parts.Count(p => p.Kind is not null) > 1;
        // The clinician's calendar shows their own part: the details name everyone they share the visit with.
        var everyPart = shared
            ? parts.OrderBy(p => p.StartUtc).Select(p => (clinicians.FirstOrDefault(d => d.Id == p.ClinicianId)?.Name ?? "a clinician no longer listed", p.StartUtc, p.EndUtc)).ToArray()
            : null;
        var action = await Dialogs.ShowAsync(shown, block, Clock, canManage: false, canLeavePart: shared && actor is not null && past is null, everyPart);
        if (action != AppointmentDetailsDialog.AppointmentAction.LeavePart || actor is null
            || shown.Days.FirstOrDefault(d => d.Appointment(bookingId) is not null) is not { } day)
            return;
        var slots = day.Day.Slots.Where(s => s.Holders.Contains(bookingId)).Select(s => s.SlotId).ToArray();
        var patient = shown.People.GetValueOrDefault(day.Appointment(bookingId)!.PatientId)?.Name ?? "the patient";
        if (!await Dialogs.ConfirmAsync("Take your part back",
                $"Take back {Clock.Time(block.StartUtc)}–{Clock.Time(block.EndUtc)} on {day.Day.Date:dddd d MMMM} from {patient}'s visit? It goes on with the other clinicians, and waits on the conflicts desk for reception to find someone for your part.",
                "Take it back", "Keep it", destructive: true))
            return;
        await RunAsync(async () => Snackbar.Said(await RemoveSlots.HandleAsync(day.Day.ClinicianId, day.Day.Date, slots, actor), "Part taken back",
            "The visit goes on with the others; reception has it on the conflicts desk."));
    }

    private async Task CancelDayAsync()
    {
        if (actor is null || Today is not { } today) return;
        var reason = await Dialogs.AskReasonAsync($"Cancel {date:dddd d MMMM}", date, DayCancellation.WouldReach(today.Appointments, days.People, Clock.Time));
        if (reason is null) return;
        await RunAsync(async () =>
        {
            var result = await CancelDay.HandleAsync(clinicianId, date, reason, actor);
            Snackbar.Said(result, "Day cancelled", DayCancellationDialog.WhoIsEmailed(result.Value));
        });
    }

    private void AddCopyDate() => planner.AddCopyDate(date);

    private Task CopyAsync() => ScheduleEachAsync(planner.CopyDates.ToArray(), "not copied", then: planner.CopyDates.Clear);

    private Task RepeatAsync() => ScheduleEachAsync(planner.RepeatDates(date), "not scheduled", then: () => planner.RepeatUntil = null);

    /// <summary>Schedules the shown day's hours on each date, each its own decision; says which were scheduled and which refused and why.</summary>
    private async Task ScheduleEachAsync(IReadOnlyList<DateOnly> dates, string refusedWord, Action then)
    {
        if (actor is null || Today is not { } today || dates.Count == 0) return;
        var hours = SchedulePlanner.HoursOf(today, Clock.ToLocal);
        await RunAsync(async () =>
        {
            planner.ClearResults();
            await planner.ScheduleEachAsync(ScheduleDay, clinicianId, dates, hours, actor, refusedWord);
            then();
        });
    }
}
