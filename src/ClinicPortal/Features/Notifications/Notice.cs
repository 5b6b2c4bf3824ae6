namespace ClinicPortal.Features.Notifications;

/// <summary>What a patient is told about a change to their bookings. Each notice becomes one email.</summary>
public abstract record Notice(string PracticeName, string PatientName, string ClinicianName, DateOnly Date, IReadOnlyList<NoticeTimes> Times, string BookAgainUrl)
{
    public string Day => Date.ToString("dddd d MMMM yyyy");
    public string TimesText => string.Join(", ", Times);

    public abstract string Subject { get; }

    /// <summary>
    /// The dependant whose appointment it is, when the notice goes to the account holder who books for them (null: the
    /// patient's own): the subject and the body name them.
    /// </summary>
    public string? For { get; init; }

    /// <summary>The email's subject: <see cref="Subject"/>, naming the dependant it is for.</summary>
    public string SubjectLine => For is { } who ? $"{Subject} · for {who}" : Subject;

    /// <summary>Whether the appointment is one of a series (a change to it leaves the series' others as they are).</summary>
    public bool InSeries { get; init; }

    /// <summary>The line that says so, for a notice of one appointment of a series.</summary>
    public string? SeriesLine => InSeries ? "This appointment is one of a series; the series' other appointments stay as they are." : null;

    /// <summary>The line that says whose appointment it is, when it is a dependant's.</summary>
    public string? ForLine => For is { } who ? $"This is about {who}'s appointment, which you manage." : null;

    /// <summary>Whether the notice's calendar file adds (or updates) the visit rather than removing it.</summary>
    public virtual bool KeepsTheVisit => false;

    /// <summary>The plain-text alternative of the HTML body.</summary>
    public string PlainText() =>
        $"Dear {PatientName},\n\n{(ForLine is { } forLine ? forLine + "\n\n" : "")}{Lead()}\n\n{(SeriesLine is { } seriesLine ? seriesLine + "\n\n" : "")}" +
        (this is DayCancelledNotice day ? $"Reason: {day.Reason}\n\n" : "") +
        (this is WaitOfferNotice offer ? $"Confirm it: {offer.ConfirmUrl}\n\n"
            : KeepsTheVisit ? "A calendar file is attached.\n\n" : $"The attached calendar file removes the visit from your calendar.\nBook again: {BookAgainUrl}\n\n") +
        (this is AppointmentReminderNotice reminder ? $"Move or cancel it: {reminder.ManageUrl}\n{reminder.ChangeRule}\n\n" : "") +
        $"{PracticeName}\n";

    /// <summary>The sentence that says what happened, shared by the HTML and the text bodies.</summary>
    public abstract string Lead();
}
