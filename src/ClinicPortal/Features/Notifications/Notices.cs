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

/// <summary>A booking moved to another time: the new time, and the old one it replaces.</summary>
public sealed record BookingMovedNotice(
    string PracticeName, string PatientName, string DoctorName, DateOnly Date, IReadOnlyList<NoticeTimes> Times, string BookAgainUrl, string WasText)
    : Notice(PracticeName, PatientName, DoctorName, Date, Times, BookAgainUrl)
{
    public override string Subject => $"Moved: {DoctorName}, {Date:ddd d MMM} at {Times[0].Start}";
    public override string Lead() => $"Your appointment has moved: it is now with {DoctorName} on {Day} at {TimesText} (it was {WasText}).";
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
