using ClinicPortal.Domain.Policies;

namespace ClinicPortal.Features.Notifications;

/// <summary>An appointment as a notice shows it: times already in the practice's time, e.g. "09:10–09:20".</summary>
public sealed record NoticeTimes(string Start, string End)
{
    public override string ToString() => $"{Start}–{End}";
}

/// <summary>What a patient is told about a change to their bookings. Each notice becomes one email.</summary>
public abstract record Notice(string PracticeName, string PatientName, string DoctorName, DateOnly Date, IReadOnlyList<NoticeTimes> Times, string BookAgainUrl)
{
    public string Day => Date.ToString("dddd d MMMM yyyy");
    public string TimesText => string.Join(", ", Times);

    public abstract string Subject { get; }

    /// <summary>Whether the notice's calendar file adds (or updates) the visit rather than removing it.</summary>
    public virtual bool KeepsTheVisit => false;

    /// <summary>The plain-text alternative of the HTML body.</summary>
    public string PlainText() =>
        $"Dear {PatientName},\n\n{Lead()}\n\n" +
        (this is DayCancelledNotice day ? $"Reason: {day.Reason}\n\n" : "") +
        (this is WaitOfferNotice offer ? $"Confirm it: {offer.ConfirmUrl}\n\n"
            : KeepsTheVisit ? "A calendar file is attached.\n\n" : $"The attached calendar file removes the visit from your calendar.\nBook again: {BookAgainUrl}\n\n") +
        (this is AppointmentReminderNotice reminder ? $"Move or cancel it: {reminder.ManageUrl}\n{reminder.ChangeRule}\n\n" : "") +
        $"{PracticeName}\n";

    /// <summary>The sentence that says what happened, shared by the HTML and the text bodies.</summary>
    public abstract string Lead();
}

public sealed record BookingConfirmedNotice(
    string PracticeName, string PatientName, string DoctorName, DateOnly Date, IReadOnlyList<NoticeTimes> Times, string BookAgainUrl)
    : Notice(PracticeName, PatientName, DoctorName, Date, Times, BookAgainUrl)
{
    public override string Subject => $"Booked: {DoctorName}, {Date:ddd d MMM} at {Times[0].Start}";
    public override string Lead() => $"Your appointment with {DoctorName} on {Day} at {TimesText} is booked.";
    public override bool KeepsTheVisit => true;
}

/// <summary>
/// The reminder before an appointment, with the way to move or cancel it (<paramref name="ManageUrl"/>) and until when
/// that can be done online (<paramref name="ChangeRule"/>).
/// </summary>
public sealed record AppointmentReminderNotice(
    string PracticeName, string PatientName, string DoctorName, DateOnly Date, IReadOnlyList<NoticeTimes> Times, string BookAgainUrl, string ManageUrl,
    string ChangeRule)
    : Notice(PracticeName, PatientName, DoctorName, Date, Times, BookAgainUrl)
{
    public override string Subject => $"Reminder: {DoctorName}, {Date:ddd d MMM} at {Times[0].Start}";
    public override string Lead() => $"A reminder of your appointment with {DoctorName} on {Day} at {TimesText}.";
    public override bool KeepsTheVisit => true;
}

/// <summary>
/// A time that came free, offered from the waiting list: kept for the patient until <paramref name="KeptUntil"/>, booked
/// by opening <paramref name="ConfirmUrl"/> (signed in).
/// </summary>
public sealed record WaitOfferNotice(
    string PracticeName, string PatientName, string DoctorName, DateOnly Date, IReadOnlyList<NoticeTimes> Times, string BookAgainUrl, string ConfirmUrl,
    string KeptUntil)
    : Notice(PracticeName, PatientName, DoctorName, Date, Times, BookAgainUrl)
{
    public override string Subject => $"A time came free: {DoctorName}, {Date:ddd d MMM} at {Times[0].Start}";
    public override string Lead() =>
        $"A time you were waiting for came free: {DoctorName} on {Day} at {TimesText}. We keep it for you until {KeptUntil}; " +
        "open the link to book it. After that, it goes to the next patient waiting.";
    public override bool KeepsTheVisit => true;
}

/// <summary>
/// A booking moved to another time with the same clinicians: the new time, and the old one it replaces; and its new room,
/// when the new time is in another (<paramref name="Room"/>: see <see cref="AppointmentChange.RoomText"/>).
/// </summary>
public sealed record BookingMovedNotice(
    string PracticeName, string PatientName, string DoctorName, DateOnly Date, IReadOnlyList<NoticeTimes> Times, string BookAgainUrl, string WasText,
    string? Room = null)
    : Notice(PracticeName, PatientName, DoctorName, Date, Times, BookAgainUrl)
{
    public override string Subject => $"Moved: {DoctorName}, {Date:ddd d MMM} at {Times[0].Start}";
    public override string Lead() =>
        $"Your appointment has moved: it is now with {DoctorName} on {Day} at {TimesText} (it was {WasText})." + (Room is null ? "" : $" It is {Room}.");
    public override bool KeepsTheVisit => true;
}

/// <summary>
/// What changed of an appointment whose clinicians changed (reassigned, a part added or dropped): who joined and who left
/// it, its time before when that changed too (<paramref name="WasTimes"/>, null: the same), and its room when that changed
/// (<paramref name="RoomText"/>, e.g. "now in Room 2 (it was in Room 1)").
/// </summary>
public sealed record AppointmentChange(IReadOnlyList<string> Joined, IReadOnlyList<string> Left, string? WasTimes, string? RoomText)
{
    /// <summary>"now in Room 2 (it was in Room 1)", "now in Room 2", "no longer in Room 1", or null when the room stayed.</summary>
    public static string? RoomChange(string? was, string? now) =>
        was == now ? null
        : now is null ? $"no longer in {was}: the practice will tell you where"
        : was is null ? $"now in {now}"
        : $"now in {now} (it was in {was})";

    public static string Names(IReadOnlyList<string> names) =>
        names.Count <= 1 ? string.Concat(names) : $"{string.Join(", ", names.Take(names.Count - 1))} and {names[^1]}";
}

/// <summary>
/// An appointment whose clinicians changed: reassigned to another, a clinician's part added or dropped; in one sentence a
/// patient understands, naming what changed (who, and the time and room when they changed too).
/// </summary>
public sealed record AppointmentChangedNotice(
    string PracticeName, string PatientName, string DoctorName, DateOnly Date, IReadOnlyList<NoticeTimes> Times, string BookAgainUrl,
    AppointmentChange Change)
    : Notice(PracticeName, PatientName, DoctorName, Date, Times, BookAgainUrl)
{
    public override string Subject => $"Changed: {DoctorName}, {Date:ddd d MMM} at {Times[0].Start}";

    public override string Lead()
    {
        var (joined, left) = (AppointmentChange.Names(Change.Joined), AppointmentChange.Names(Change.Left));
        var who = Change.Joined.Count > 0 && Change.Left.Count > 0 ? $"now with {DoctorName} instead of {left}"
            : Change.Joined.Count > 0 ? $"now with {DoctorName}, as {joined} {(Change.Joined.Count == 1 ? "joins" : "join")} it"
            : $"now with {DoctorName} only, as {left} {(Change.Left.Count == 1 ? "is" : "are")} no longer part of it";
        var what = new List<string> { who };
        if (Change.WasTimes is { } was)
            what.Add($"at {TimesText} (it was {was})");
        if (Change.RoomText is { } room)
            what.Add(room);
        var when = Change.WasTimes is null ? $"on {Day} at {TimesText} " : $"on {Day} ";
        return $"Your appointment {when}has changed: it is {string.Join("; ", what)}." + (Change.WasTimes is null ? " The time stays the same." : "");
    }

    public override bool KeepsTheVisit => true;
}

/// <summary>An appointment put in another room, at the same time with the same clinicians.</summary>
public sealed record RoomChangedNotice(
    string PracticeName, string PatientName, string DoctorName, DateOnly Date, IReadOnlyList<NoticeTimes> Times, string BookAgainUrl, string RoomName)
    : Notice(PracticeName, PatientName, DoctorName, Date, Times, BookAgainUrl)
{
    public override string Subject => $"Room changed: {DoctorName}, {Date:ddd d MMM} at {Times[0].Start}";
    public override string Lead() => $"Your appointment with {DoctorName} on {Day} at {TimesText} is now in {RoomName}; the time stays the same.";
    public override bool KeepsTheVisit => true;
}

public sealed record DayCancelledNotice(
    string PracticeName, string PatientName, string DoctorName, DateOnly Date, IReadOnlyList<NoticeTimes> Times, string BookAgainUrl, string Reason)
    : Notice(PracticeName, PatientName, DoctorName, Date, Times, BookAgainUrl)
{
    public override string Subject => $"Cancelled: {DoctorName} on {Date:ddd d MMM}";
    public override string Lead() => $"We are sorry: {DoctorName} cannot see patients on {Day}, so your appointment at {TimesText} is cancelled.";
}

public sealed record QuotaCancelledNotice(
    string PracticeName, string PatientName, string DoctorName, DateOnly Date, IReadOnlyList<NoticeTimes> Times, string BookAgainUrl)
    : Notice(PracticeName, PatientName, DoctorName, Date, Times, BookAgainUrl)
{
    public override string Subject => $"Cancelled: more than {MonthlyQuota.MaxSlotsPerMonth} slots in {Date:MMMM}";
    public override string Lead() =>
        $"A patient may hold at most {MonthlyQuota.MaxSlotsPerMonth} appointment slots in one calendar month. Your latest booking took you over " +
        $"that limit for {Date:MMMM yyyy}, so it was cancelled: {DoctorName} on {Day} at {TimesText}.";
}

public sealed record StaffCancelledNotice(
    string PracticeName, string PatientName, string DoctorName, DateOnly Date, IReadOnlyList<NoticeTimes> Times, string BookAgainUrl)
    : Notice(PracticeName, PatientName, DoctorName, Date, Times, BookAgainUrl)
{
    public override string Subject => $"Cancelled: {DoctorName} on {Date:ddd d MMM}";
    public override string Lead() => $"The practice has cancelled your appointment with {DoctorName} on {Day} at {TimesText}.";
}
