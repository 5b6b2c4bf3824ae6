using Microsoft.AspNetCore.Components;
using ClinicPortal.Application.Queries;
using ClinicPortal.Application;
using ClinicPortal.Domain.EventStore;
using ClinicPortal.Domain.Policies;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Domain.VisitTypes;
using ClinicPortal.Domain;
using ClinicPortal.Features.Shared;
using ClinicPortal.Infrastructure.Accounts;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace ClinicPortal.Features.Booking.BookSlots;

public partial class BookPage
{
    private static string AnyClinician => Resources.Ui.Book_AnyClinician;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    /// <summary>The day shown, in the address (/book?type=…&amp;clinician=…&amp;date=2026-12-03), so it survives a reload, Back and a shared link.</summary>
    [SupplyParameterFromQuery(Name = "date")] private string? DateInAddress { get; set; }
    [SupplyParameterFromQuery(Name = "type")] private string? VisitTypeInAddress { get; set; }
    [SupplyParameterFromQuery(Name = "clinician")] private string? ClinicianInAddress { get; set; }

    /// <summary>A booking of the patient's to move (from My bookings): the page then offers its visit type's new times.</summary>
    [SupplyParameterFromQuery(Name = "move")] private string? MoveInAddress { get; set; }

    /// <summary>Where staff go once the move is made: the conflicts desk when they came from it, else the reception day.</summary>
    [SupplyParameterFromQuery(Name = "back")] private string? BackInAddress { get; set; }

    /// <summary>The dependant a patient books for (from My account, or chosen here); none: themselves.</summary>
    [SupplyParameterFromQuery(Name = "for")] private string? ForInAddress { get; set; }

    private PatientAppointment? moving;

    private Domain.Actor? actor;
    private DateOnly date;
    private bool loading = true;
    private IReadOnlyList<VisitType> visitTypes = [];
    private VisitType? visitType;
    private IReadOnlyList<Clinician> clinicians = [];
    private Guid? clinicianId;
    private string? reason;
    private string? nextAvailableNote;
    private DayOffers offers = DayOffers.None;
    private int? slotsLeft;
    private Person? patient;
    private bool showClashes;
    private IReadOnlyList<BusyTime> patientBusy = [];
    private IReadOnlyList<Dependant> dependants = [];
    private Guid? bookingFor;
    private string? myName;

    private bool ByPatient => actor?.Role == Domain.Role.Patient;
    private Guid? PatientId => actor?.IsStaff == true ? patient?.Id : bookingFor ?? actor?.Id;
    private bool ForSomeoneElse => actor?.IsStaff == true || bookingFor is not null;
    private string forWhom => actor?.IsStaff == true ? patient?.Name ?? "The patient" : bookingFor is { } id ? DependantName(id) : "You";

    private string DependantName(Guid id) => dependants.FirstOrDefault(d => d.Id == id)?.Name ?? "They";

    private string EmptyText => visitType is null ? Resources.Ui.Book_NoVisitTypes
        : slotsLeft is { } left && left < visitType.Slots ? $"Nothing more can be booked in {date:MMMM}: see above. Another month is open as usual."
        : visitType.Slots == 1 ? Resources.Ui.Book_NoFreeTimes : string.Format(Resources.Ui.Book_NoFreeRow, visitType.Slots, visitType.Name);

    protected override async Task OnPageInitializedAsync()
    {
        actor = CurrentActor.From((await AuthenticationState).User);
        if (ByPatient)
        {
            // A patient books for themselves and for the people their account books for (My account).
            actor = await People.SpeakingAsync(actor!);
            myName = (await People.FindAsync(actor.Id))?.Name;
            dependants = actor.Dependants.Count > 0 ? await Dependants.OfAsync(actor.Id) : [];
            bookingFor = dependants.FirstOrDefault(d => Guid.TryParse(ForInAddress, out var id) && d.Id == id)?.Id;
        }
        date = DateOnly.TryParseExact(DateInAddress, "yyyy-MM-dd", out var asked) && asked >= Clock.Today ? asked : Clock.Today;
        visitTypes = await Availability.VisitTypesAsync(ByPatient);
        visitType = visitTypes.FirstOrDefault(t => Guid.TryParse(VisitTypeInAddress, out var id) && t.Id == id) ?? visitTypes.FirstOrDefault();
        // Patients move their own bookings (from My bookings), staff anyone's (from the reception calendar).
        if ((ByPatient || actor?.IsStaff == true) && Guid.TryParse(MoveInAddress, out var bookingId)
            && await Schedule.AppointmentAsync(bookingId) is { Cancelled: null } booking && (!ByPatient || actor!.SpeaksFor(booking.PatientId))
            && booking.StartUtc > Clock.Now && visitTypes.FirstOrDefault(t => t.Id == booking.VisitTypeId) is { } bookedType)
        {
            moving = booking;
            if (!ByPatient)
                patient = await People.FindAsync(booking.PatientId);
            else if (booking.PatientId != actor!.Id)
                bookingFor = booking.PatientId;
            // The booking keeps its own length, even if its visit type has been changed since it was made, and a visit of
            // several clinicians the parts it has now (staff may have changed them).
            visitType = bookedType with
            {
                Minutes = booking.SlotCount * (int)SlotBlock.SlotLength.TotalMinutes,
                Parts = ClinicPortal.Application.Queries.AppointmentPart.ShapeOf(await Schedule.PartsAsync(booking.AppointmentId)),
            };
        }
        await LoadCliniciansAsync(Guid.TryParse(ClinicianInAddress, out var clinician) ? clinician : null);
        await LoadAsync();
    }

    /// <summary>The times offered change with any clinician's events of the day shown, and the limit with the patient's own.</summary>
    protected override bool Shows(Appended appended) =>
        appended.TouchesDate(date) || (PatientId is { } id && appended.Touches(Tag.Patient(id))) || appended.Touches(Tag.VisitTypes);

    protected override async Task LoadAsync()
    {
        loading = true;
        try
        {
            // A booking being moved neither clashes with its new time nor counts against the month it may move within.
            patientBusy = PatientId is { } id
                ? (await Schedule.FutureAppointmentsAsync(id, Clock.Now)).Where(b => b.Date == date && b.AppointmentId != moving?.AppointmentId)
                    .Select(b => new BusyTime(b.StartUtc, b.EndUtc)).ToArray()
                : [];
            var ownInMonth = moving is not null && PracticeTime.MonthOf(moving.Date) == PracticeTime.MonthOf(date) ? moving.SlotCount : 0;
            slotsLeft = PatientId is { } holder
                ? MonthlyQuota.SlotsLeft(used: await Schedule.MonthlyUsageAsync(holder, PracticeTime.MonthOf(date)), moving: ownInMonth)
                : null;
            offers = visitType is null ? DayOffers.None
                : await Availability.DayAsync(visitType, date, ByPatient, clinicianId, patientBusy, slotsLeft ?? int.MaxValue,
                    moving?.AppointmentId, clashes: showClashes && !ByPatient);
        }
        finally
        {
            loading = false;
        }
    }

    private async Task LoadCliniciansAsync(Guid? wanted)
    {
        clinicians = visitType is null ? [] : await Availability.CliniciansGivingAsync(visitType);
        clinicianId = clinicians.Any(c => c.Id == wanted) ? wanted : null;
    }

    private async Task ChangeVisitTypeAsync(Guid id)
    {
        visitType = visitTypes.FirstOrDefault(t => t.Id == id) ?? visitType;
        nextAvailableNote = null;
        await LoadCliniciansAsync(clinicianId);
        await ShowDayAsync(date);
    }

    private async Task ChangeForWhomAsync(Guid id)
    {
        bookingFor = id == Guid.Empty ? null : dependants.FirstOrDefault(d => d.Id == id)?.Id;
        await ShowDayAsync(date);
    }

    private async Task ChangeClinicianAsync(Guid id)
    {
        clinicianId = id == Guid.Empty ? null : id;
        nextAvailableNote = null;
        await ShowDayAsync(date);
    }

    private Task ChangeDateAsync(DateTime? chosen) => chosen is { } value ? ShowDayAsync(DateOnly.FromDateTime(value)) : Task.CompletedTask;

    private Task MoveAsync(int days)
    {
        nextAvailableNote = null;
        return ShowDayAsync(date.AddDays(days));
    }

    /// <summary>Jumps to the first day from today with a start of the visit type (with the chosen clinician, if one is).</summary>
    private async Task NextAvailableAsync()
    {
        if (visitType is null) return;
        loading = true;
        var next = await Availability.NextAsync(visitType, Clock.Today, ByPatient, clinicianId);
        var with = clinicianId is { } id ? string.Format(Resources.Ui.Book_FirstFreeWith, clinicians.FirstOrDefault(c => c.Id == id)?.Name) : "";
        nextAvailableNote = next is { } found
            ? string.Format(Resources.Ui.Book_FirstFree, visitType.Name, with, found.Date.ToString(Resources.Ui.Format_DayNoYear))
            : string.Format(Resources.Ui.Book_NoFreeSoon, visitType.Name, with, Availability.NextAvailableDays);
        await ShowDayAsync(next?.Date ?? date);
    }

    private async Task ShowDayAsync(DateOnly day)
    {
        date = day < Clock.Today ? Clock.Today : day;
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["type"] = visitType?.Id.ToString(),
            ["clinician"] = clinicianId?.ToString(),
            ["date"] = date.ToString("yyyy-MM-dd"),
            ["move"] = moving?.AppointmentId.ToString(),
            ["for"] = moving is null ? bookingFor?.ToString() : null,
        }), replace: true);
        await LoadAsync();
    }

    private async Task MoveToAsync(SlotList.Choice choice, VisitType type)
    {
        var when = $"{Clock.Time(choice.Offer.StartUtc)}–{Clock.Time(choice.Offer.EndUtc)} on {date:dddd d MMMM}";
        var whose = ByPatient ? bookingFor is { } other ? $"{DependantName(other)}'s" : "your" : $"{patient?.Name ?? "the patient"}'s";
        var (go, overrideReason) = await OverrideAsync(choice, when);
        if (!go || (overrideReason is null && !await Dialogs.ConfirmAsync("Move appointment", $"Move {whose} {type.Name} to {when}, with {choice.Clinician.ClinicianName}?", "Move", "Keep looking")))
            return;
        var moved = false;
        await RunAsync(async () =>
        {
            var result = await Move.HandleAsync(moving!.AppointmentId, choice.Offer.SlotIds, actor!, overrideReason: overrideReason);
            moved = result.IsAccepted;
            Snackbar.Said(result, "Moved", $"{type.Name} with {choice.Clinician.ClinicianName}, {date:ddd d MMM} at {Clock.Time(choice.Offer.StartUtc)}.", refusedTitle: "Not moved");
        });
        if (moved)
            Navigation.NavigateTo(ByPatient ? "my-bookings" : BackInAddress == "conflicts" ? "conflicts" : $"reception?date={date:yyyy-MM-dd}");
    }

    private async Task<IEnumerable<Person>> SearchPatientsAsync(string text, CancellationToken ct) =>
        await People.SearchPatientsAsync(text ?? "", ct);

    private async Task ShowClashesAsync(bool show)
    {
        showClashes = show;
        await LoadAsync();
    }

    /// <summary>
    /// Whether the choice overlaps the patient's other appointments or another appointment in its room; if so staff are
    /// asked why they book over it (null: they chose not to), and the reason goes with the booking. (Patients are never
    /// offered such a time.)
    /// </summary>
    private async Task<(bool Go, string? Reason)> OverrideAsync(SlotList.Choice choice, string when)
    {
        if (ClashQuestion.For(choice, patientBusy, patient?.Name, moving is not null, when) is not { } question)
            return (true, null);
        var reason = await Dialogs.AskReasonAsync(question.Title, question.Message, question.Label, question.Yes, "Keep looking");
        return (reason is not null, reason);
    }

    private async Task ChoosePatient(Person? chosen)
    {
        patient = chosen;
        showClashes = false;
        await LoadAsync();
    }

    private async Task ConfirmAsync(SlotList.Choice choice)
    {
        if (actor is null || PatientId is not { } patientId || visitType is not { } booking) return;
        if (moving is not null)
        {
            await MoveToAsync(choice, booking);
            return;
        }
        var forPatient = actor.IsStaff ? string.Format(Resources.Ui.Book_ForWhom, patient!.Name) : bookingFor is { } other ? string.Format(Resources.Ui.Book_ForWhom, DependantName(other)) : "";
        var when = string.Format(Resources.Ui.Book_When, Clock.Time(choice.Offer.StartUtc), Clock.Time(choice.Offer.EndUtc), date.ToString(Resources.Ui.Format_DayNoYear));
        var (go, overrideReason) = await OverrideAsync(choice, when);
        if (!go)
            return;
        var booked = string.Format(Resources.Ui.Book_BookedDetail, booking.Name, choice.Clinician.ClinicianName, date.ToString(Resources.Ui.Format_ShortDay), Clock.Time(choice.Offer.StartUtc));
        if (overrideReason is not null)
        {
            // Over a clash, with the reason just given: booked at once (a hold is a patient's way to book, with no override).
            await RunAsync(async () => Said(await Book.HandleAsync(patientId, choice.Offer.SlotIds, actor, visitTypeId: booking.Id, reason: reason,
                overrideReason: overrideReason), booked));
            return;
        }

        // The time is held while the person confirms: nobody else can take it under them, and it is given back if they walk away.
        await RunAsync(async () =>
        {
            var held = await Holds.PlaceAsync(patientId, choice.Offer.SlotIds, actor, booking.Id);
            if (!held.IsAccepted)
            {
                Snackbar.Said(held, "", refusedTitle: Resources.Ui.Book_NotBooked);
                return;
            }
            var hold = held.Value!;
            var parameters = new DialogParameters<ClinicPortal.Features.Holds.HoldConfirmDialog>
            {
                { d => d.Message, string.Format(Resources.Ui.Book_Question, booking.Name, when, choice.Clinician.ClinicianName, forPatient) },
                { d => d.ExpiresAt, hold.ExpiresAt },
            };
            var confirmed = await (await Dialogs.ShowAsync<ClinicPortal.Features.Holds.HoldConfirmDialog>(Resources.Ui.Book_ConfirmTitle, parameters, ClinicPortal.Features.Shared.Dialogs.Small)).Result;
            if (confirmed is not { Canceled: false })
            {
                await Holds.ReleaseAsync(hold.HoldId, actor);
                return;
            }
            Said(await Holds.ConfirmAsync(hold.HoldId, actor, reason), booked);
        });
    }

    /// <summary>Puts the patient on the waiting list for this visit type, from the day shown; the dialog says any refusal.</summary>
    private async Task JoinWaitlistAsync()
    {
        if (actor is null || visitType is null || PatientId is not { } patientId)
            return;
        if (await Waitlist.WaitDialog.ShowAsync(Dialogs, patientId, actor, visitType, clinicians, clinicianId, date) is { } wait)
            Snackbar.Done("You are on the waiting list",
                $"We will email you when a {visitType.Name} time frees {(wait.From == wait.To ? $"on {wait.From:ddd d MMM}" : $"from {wait.From:ddd d MMM} to {wait.To:ddd d MMM}")}. My appointments shows your waits.");
    }

    private void Said(Checked<SlotsBooked> result, string booked)
    {
        if (result.IsAccepted)
            (reason, focusDayLine) = (null, true);
        Snackbar.Said(result, Resources.Ui.Book_Booked, booked, refusedTitle: Resources.Ui.Book_NotBooked);
    }

    private ElementReference dayLine;
    private bool focusDayLine;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (focusDayLine)
        {
            focusDayLine = false;
            await dayLine.FocusAsync(preventScroll: true); // the page stays where the person was looking

        }
    }
}
