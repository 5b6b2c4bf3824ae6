using ClinicPortal.Application.Queries;
using ClinicPortal.Application;
using ClinicPortal.Domain;
using ClinicPortal.Domain.EventStore;
using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Infrastructure.Email;
using ClinicPortal.Infrastructure.Languages;
using ClinicPortal.Infrastructure.Practice;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Options;

namespace ClinicPortal.Features.Notifications;

/// <summary>
/// Turns events into the emails patients receive: a confirmation (with a calendar file) for each booking,
/// and a notice for each cancellation by the practice, by the monthly quota, or of a whole day (one email per
/// patient, listing all their times), the reminder before each appointment, and reception's alert of new conflicts. Each message's key is the event's position
/// and the patient (or reception).
/// </summary>
public sealed class NoticeComposer(
    PeopleDirectory people, PracticeSettings practice, PracticeClock clock, IOptions<EmailOptions> options,
    IServiceScopeFactory scopes, ILoggerFactory loggers, Conflicts.ConflictAlerts conflictAlerts, IRoomQueries rooms,
    IEventStore store, IVisitTypeQueries visitTypes, DependantAccounts dependants, IScheduleQueries schedule)
{
    public async Task<IReadOnlyList<OutboxMessage>> ComposeAsync(StoredEvent stored, CancellationToken ct = default)
    {
        var messages = new List<OutboxMessage>();
        switch (stored.Event)
        {
            // A series is told once, at its first appointment's event: every one of them, booked in the same append.
            case SlotsBooked { SeriesId: { } series } e:
                var occurrences = (await store.ReadAsync(Query.Tagged(Tag.Series(series)), ct)).Events.Where(x => x.Event is SlotsBooked).ToArray();
                if (occurrences.Length == 0 || occurrences[0].Position != stored.Position)
                    break;
                var booked = occurrences.Select(x => (SlotsBooked)x.Event).ToArray();
                var typeName = (await visitTypes.FindAsync(e.VisitType, ct))?.Name ?? "visit";
                await AddAsync(messages, stored, e.PatientId, booked.SelectMany(b => b.Clinicians), "series-confirmation",
                    booked.Select(b => Visit(b.AppointmentId, b.Slots)).ToArray(), (p, d) =>
                    new SeriesBookedNotice(practice.Current.Name, p, d, e.Date, Times(e.Slots), BookUrl, typeName,
                        booked.Select(b => string.Format(Resources.Emails.Series_Occurrence, b.Date.ToString(Resources.Emails.Format_ShortDay), Span(b.Slots))).ToArray()), ct);
                break;
            case SlotsBooked e:
                await AddAsync(messages, stored, e.PatientId, e.Clinicians, "confirmation", [Visit(e.AppointmentId, e.Slots)], (p, d) =>
                    new AppointmentConfirmedNotice(practice.Current.Name, p, d, e.Date, Times(e.Slots), BookUrl), ct);
                break;
            case AppointmentMoved { IsRoomChange: true } e:
                var room = (await rooms.ByIdAsync(ct)).GetValueOrDefault(e.ToRoomId!.Value)?.Name ?? "room the practice will tell you of";
                await AddAsync(messages, stored, e.PatientId, e.ToClinicians, "room-changed", [Visit(e.AppointmentId, e.ToSlots)], (p, d) =>
                    new RoomChangedNotice(practice.Current.Name, p, d, e.ToDate, Times(e.ToSlots), BookUrl, OneLine(room)), ct);
                break;
            // The same start with other clinicians (reassigned, a part added or dropped): what changed, not "moved".
            case AppointmentMoved e when !SameClinicians(e) && e.FromDate == e.ToDate && e.FromSlots.Min(s => s.StartUtc) == e.ToSlots.Min(s => s.StartUtc):
                var change = await ChangeOfAsync(e, ct);
                await AddAsync(messages, stored, e.PatientId, e.ToClinicians, "changed", [Visit(e.AppointmentId, e.ToSlots)], (p, d) =>
                    new AppointmentChangedNotice(practice.Current.Name, p, d, e.ToDate, Times(e.ToSlots), BookUrl, change), ct);
                break;
            case AppointmentMoved e:
                var (fromRoom, toRoom) = (await RoomNameAsync(e.FromRoomId, ct), await RoomNameAsync(e.ToRoomId, ct));
                var wasWith = SameClinicians(e) ? null : await NamesAsync(e.FromClinicians.Distinct(), ct);
                // The words are made in the notice's language, inside: the names and rooms are facts.
                await AddAsync(messages, stored, e.PatientId, e.ToClinicians, "moved", [Visit(e.AppointmentId, e.ToSlots)], (p, d) =>
                {
                    var was = string.Format(Resources.Emails.Moved_Was, e.FromDate.ToString(Resources.Emails.Format_ShortDay), Span(e.FromSlots));
                    return new AppointmentMovedNotice(practice.Current.Name, p, d, e.ToDate, Times(e.ToSlots), BookUrl,
                        wasWith is null ? was : string.Format(Resources.Emails.Moved_WasWith, was, AppointmentChange.Names(wasWith)), AppointmentChange.RoomChange(fromRoom, toRoom));
                }, ct);
                break;
            case AppointmentCancelled { Reason: CancellationReason.QuotaExceeded } e:
                await AddAsync(messages, stored, e.PatientId, e.Clinicians, "quota-cancelled", [Visit(e.AppointmentId, e.Slots)], (p, d) =>
                    new QuotaCancelledNotice(practice.Current.Name, p, d, e.Date, Times(e.Slots), BookUrl), ct);
                break;
            case AppointmentCancelled { Reason: CancellationReason.Staff } e:
                await AddAsync(messages, stored, e.PatientId, e.Clinicians, "staff-cancelled", [Visit(e.AppointmentId, e.Slots)], (p, d) =>
                    new StaffCancelledNotice(practice.Current.Name, p, d, e.Date, Times(e.Slots), BookUrl), ct);
                break;
            case HoldPlaced { WaitId: not null } e:
                await AddAsync(messages, stored, e.PatientId, e.Clinicians, "waitlist-offer", [], (p, d) =>
                    new WaitOfferNotice(practice.Current.Name, p, d, e.Date, Times(e.Slots), BookUrl, $"{Links}/offers/{e.HoldId}",
                        string.Format(Resources.Emails.Offer_KeptUntil, clock.ToLocal(e.ExpiresAt).ToString("HH:mm"), clock.ToLocal(e.ExpiresAt).ToString(Resources.Emails.Format_ShortDay))), ct);
                break;
            case ReminderSent { Skipped: false } e:
                await AddAsync(messages, stored, e.PatientId, e.Clinicians, "reminder", [Visit(e.AppointmentId, e.Slots)], (p, d) =>
                    new AppointmentReminderNotice(practice.Current.Name, p, d, e.Date, Times(e.Slots), BookUrl, ManageUrl, ChangeRule), ct);
                break;
            case DayCancelled e:
                foreach (var patient in e.CancelledAppointments.GroupBy(b => b.PatientId))
                {
                    await AddAsync(messages, stored, patient.Key, [e.ClinicianId], "day-cancelled", patient.Select(b => Visit(b.AppointmentId, b.Slots)).ToArray(), (p, d) =>
                        new DayCancelledNotice(practice.Current.Name, p, d, e.Date, patient.Select(b => Span(b.Slots)).ToArray(), BookUrl, e.Reason), ct);
                }
                break;
        }
        // Reception is told of the conflicts the event opened, if any.
        if (await conflictAlerts.ComposeAsync(stored, ct) is { } alert)
            messages.Add(alert);
        return messages;
    }

    private static bool SameClinicians(AppointmentMoved e) => e.FromClinicians.Distinct().Order().SequenceEqual(e.ToClinicians.Distinct().Order());

    /// <summary>What changed of an appointment whose clinicians changed: who joined and left, and its time and room if they changed too.</summary>
    private async Task<AppointmentChange> ChangeOfAsync(AppointmentMoved e, CancellationToken ct)
    {
        var (from, to) = (e.FromClinicians.Distinct().ToArray(), e.ToClinicians.Distinct().ToArray());
        var wasTimes = e.FromDate != e.ToDate || Span(e.FromSlots) != Span(e.ToSlots)
            ? e.FromDate == e.ToDate ? Span(e.FromSlots).ToString() : $"{e.FromDate:ddd d MMM} at {Span(e.FromSlots)}"
            : null;
        return new AppointmentChange(await NamesAsync(to.Except(from), ct), await NamesAsync(from.Except(to), ct), wasTimes,
            AppointmentChange.RoomChange(await RoomNameAsync(e.FromRoomId, ct), await RoomNameAsync(e.ToRoomId, ct)));
    }

    private async Task<IReadOnlyList<string>> NamesAsync(IEnumerable<Guid> clinicians, CancellationToken ct)
    {
        var names = new List<string>();
        foreach (var clinician in clinicians)
            names.Add(await people.FindAsync(clinician, ct) is { } person ? OneLine(person.Name) : "a clinician no longer listed");
        return names;
    }

    private async Task<string?> RoomNameAsync(Guid? roomId, CancellationToken ct) =>
        roomId is { } id ? OneLine((await rooms.ByIdAsync(ct)).GetValueOrDefault(id)?.Name ?? "a room no longer listed") : null;

    private string Links => options.Value.LinkBaseUrl.TrimEnd('/');

    private string BookUrl => $"{Links}/book";

    private string ManageUrl => $"{Links}/my-bookings";

    /// <summary>Until when a patient moves or cancels online, and whom they call after that.</summary>
    private string ChangeRule => practice.Current.BookingWindow.CancelCutoffHours is > 0 and var hours
        ? string.Format(Resources.Emails.ChangeRule_Cutoff, hours, hours == 1 ? Resources.Emails.ChangeRule_Hour : Resources.Emails.ChangeRule_Hours, practice.Current.CallText)
        : string.Format(Resources.Emails.ChangeRule_UntilStart, practice.Current.CallText);

    private NoticeTimes Span(IReadOnlyList<ScheduledSlot> slots) => new(clock.Time(slots[0].StartUtc), clock.Time(slots[^1].EndUtc));

    private IReadOnlyList<NoticeTimes> Times(IReadOnlyList<ScheduledSlot> slots) => [Span(slots)];

    private static CalendarVisit Visit(Guid bookingId, IReadOnlyList<ScheduledSlot> slots) => new(bookingId, slots[0].StartUtc, slots[^1].EndUtc);

    private async Task AddAsync(
        List<OutboxMessage> messages, StoredEvent stored, Guid patientId, IEnumerable<Guid> clinicianIds, string kind,
        IReadOnlyList<CalendarVisit> visits, Func<string, string, Notice> notice, CancellationToken ct)
    {
        var patient = await people.FindAsync(patientId, ct);
        if (patient is null)
            return; // no account to write to
        // A dependant has no email of their own: the account holder who books for them is written to, naming them.
        var guardian = await dependants.FindAsync(patientId, ct) is { } dependant ? await people.FindAsync(dependant.GuardianId, ct) : null;
        var recipient = guardian ?? patient;
        // In the recipient's language: theirs if they chose one, else the practice's.
        using var language = Languages.Use(Languages.Match(await people.LanguageOfAsync(recipient.Id, ct)) ?? Languages.Match(practice.Current.LanguageCode) ?? Languages.English);
        // A visit with several clinicians names them all: "Nia Shaw and Dr Ada Hart".
        var names = new List<string>();
        foreach (var clinicianId in clinicianIds.Distinct())
            if (await people.FindAsync(clinicianId, ct) is { } clinician)
                names.Add(OneLine(clinician.Name));
        var made = notice(OneLine(recipient.Name), names.Count == 0 ? Resources.Emails.YourClinician : names.Aggregate((a, b) => string.Format(Resources.Emails.And, a, b))) with
        {
            For = guardian is null ? null : OneLine(patient.Name),
            // A moved, cancelled or reminded appointment of a series says so (the series' own email already does).
            InSeries = visits.Count == 1 && stored.Event is not SlotsBooked && (await schedule.AppointmentAsync(visits[0].AppointmentId, ct))?.SeriesId is not null,
        };
        // A notice of a visit carries its calendar file; an offer of a time not yet booked carries none.
        var email = new EmailMessage(recipient.Email, made.SubjectLine, await RenderAsync(made), made.PlainText(),
            visits.Count == 0 ? [] : [Calendar(made, await VersionedAsync(visits, stored, ct), recipient.Email, stored.RecordedAt)]);
        messages.Add(new OutboxMessage($"{stored.Position}:{patientId:N}", kind, email));
    }

    /// <summary>
    /// A name as one line of plain words: line breaks, tabs and other control characters become spaces, so that a
    /// name typed badly (or with intent) can neither break a subject line nor add a header.
    /// </summary>
    public static string OneLine(string name) =>
        string.Join(' ', new string(name.Select(c => char.IsControl(c) || char.IsWhiteSpace(c) ? ' ' : c).ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// Each visit with the SEQUENCE its calendar entry has at this event: counted from the appointment's own events before it,
    /// so every change of it carries a higher number than the one before (<see cref="CalendarInvite.SequenceOf"/>).
    /// </summary>
    private async Task<IReadOnlyList<CalendarVisit>> VersionedAsync(IReadOnlyList<CalendarVisit> visits, StoredEvent stored, CancellationToken ct)
    {
        // One read for every visit of the event (a cancelled day names many), counted per appointment by its tag.
        var earlier = (await store.ReadAsync(Query.TaggedAny(visits.Select(v => Tag.Appointment(v.AppointmentId))), ct)).Events
            .Where(e => e.Position < stored.Position && ChangesTheVisit(e.Event)).ToArray();
        return visits.Select(visit => visit with
        {
            Sequence = CalendarInvite.SequenceOf(earlier.Count(e => e.Tags.Contains(Tag.Appointment(visit.AppointmentId))), ChangesTheVisit(stored.Event)),
        }).ToArray();
    }

    /// <summary>Whether an event of an appointment changes what its calendar entry says (a reminder or an arrival does not).</summary>
    private static bool ChangesTheVisit(IClinicEvent @event) =>
        @event is SlotsBooked or AppointmentMoved or AppointmentCancelled or DayCancelled or SlotsRemoved;

    /// <summary>
    /// The calendar file every notice carries: the booking as a request, or its cancellation under the same UID, so
    /// the patient's calendar follows the practice's. Its DTSTAMP is when the change was logged.
    /// </summary>
    private EmailAttachment Calendar(Notice notice, IReadOnlyList<CalendarVisit> visits, string patientEmail, DateTimeOffset changedAt)
    {
        var profile = practice.Current;
        var details = new CalendarDetails(profile.Name, profile.EmailFrom, patientEmail, string.Format(notice.For is null ? Resources.Emails.Calendar_Summary : Resources.Emails.Calendar_SummaryFor, notice.ClinicianName, notice.For), notice.Lead(), profile.TimeZone);
        var (method, ics) = notice.KeepsTheVisit
            ? (CalendarInvite.RequestMethod, visits.Count == 1 ? CalendarInvite.Request(visits[0], details, changedAt) : CalendarInvite.RequestAll(visits, details, changedAt))
            : (CalendarInvite.CancelMethod, CalendarInvite.Cancel(visits, details, changedAt));
        return new EmailAttachment(notice.KeepsTheVisit ? visits.Count == 1 ? "appointment.ics" : "appointments.ics" : "cancellation.ics",
            CalendarInvite.ContentType(method), System.Text.Encoding.UTF8.GetBytes(ics));
    }

    /// <summary>The HTML body: the NoticeEmail Razor component rendered outside any page, in a scope of its own.</summary>
    public async Task<string> RenderAsync(Notice notice)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
        return await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<NoticeEmail>(ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(NoticeEmail.Notice)] = notice })))
            .ToHtmlString());
    }
}
