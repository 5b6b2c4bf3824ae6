namespace ClinicPortal.Features.Notifications;

/// <summary>What a patient is told about a change to their bookings. Each notice becomes one email.</summary>
public abstract record Notice(string PracticeName, string PatientName, string ClinicianName, DateOnly Date, IReadOnlyList<NoticeTimes> Times, string BookAgainUrl)
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
