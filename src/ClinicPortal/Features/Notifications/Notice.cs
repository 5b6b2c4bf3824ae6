using ClinicPortal.Resources;

namespace ClinicPortal.Features.Notifications;

/// <summary>What a patient is told about a change to their bookings. Each notice becomes one email.</summary>
public abstract record Notice(string PracticeName, string PatientName, string ClinicianName, DateOnly Date, IReadOnlyList<NoticeTimes> Times, string BookAgainUrl)
{
    public string Day => Date.ToString(Emails.Format_Day);

    /// <summary>The date short, as subjects give it: "Wed 9 Dec".</summary>
    public string ShortDay => Date.ToString(Emails.Format_ShortDay);
    public string TimesText => string.Join(", ", Times);

    public abstract string Subject { get; }

    /// <summary>
    /// The dependant whose appointment it is, when the notice goes to the account holder who books for them (null: the
    /// patient's own): the subject and the body name them.
    /// </summary>
    public string? For { get; init; }

    /// <summary>The email's subject: <see cref="Subject"/>, naming the dependant it is for.</summary>
    public string SubjectLine => For is { } who ? string.Format(Emails.SubjectFor, Subject, who) : Subject;

    /// <summary>Whether the appointment is one of a series (a change to it leaves the series' others as they are).</summary>
    public bool InSeries { get; init; }

    /// <summary>The line that says so, for a notice of one appointment of a series.</summary>
    public string? SeriesLine => InSeries ? Emails.SeriesLine : null;

    /// <summary>The line that says whose appointment it is, when it is a dependant's.</summary>
    public string? ForLine => For is { } who ? string.Format(Emails.ForLine, who) : null;

    /// <summary>Whether the notice's calendar file adds (or updates) the visit rather than removing it.</summary>
    public virtual bool KeepsTheVisit => false;

    /// <summary>The plain-text alternative of the HTML body.</summary>
    public string PlainText() =>
        $"{string.Format(Emails.Dear, PatientName)}\n\n{(ForLine is { } forLine ? forLine + "\n\n" : "")}{Lead()}\n\n{(SeriesLine is { } seriesLine ? seriesLine + "\n\n" : "")}" +
        (this is DayCancelledNotice day ? $"{string.Format(Emails.ReasonLine, day.Reason)}\n\n" : "") +
        (this is WaitOfferNotice offer ? $"{string.Format(Emails.ConfirmIt, offer.ConfirmUrl)}\n\n"
            : KeepsTheVisit ? $"{Emails.CalendarAttached}\n\n" : $"{Emails.CalendarRemoves}\n{string.Format(Emails.BookAgain, BookAgainUrl)}\n\n") +
        (this is AppointmentReminderNotice reminder ? $"{string.Format(Emails.MoveOrCancelLine, reminder.ManageUrl)}\n{reminder.ChangeRule}\n\n" : "") +
        $"{PracticeName}\n";

    /// <summary>The sentence that says what happened, shared by the HTML and the text bodies.</summary>
    public abstract string Lead();
}
