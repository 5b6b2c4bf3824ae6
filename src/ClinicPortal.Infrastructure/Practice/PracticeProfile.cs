namespace ClinicPortal.Infrastructure.Practice;

/// <summary>
/// The practice as its emails and days show it. <paramref name="ReceptionEmail"/> is where reception is told of a new
/// conflict; without one, the sender address (the practice's own mailbox). <paramref name="Window"/>: when patients may
/// book, move and cancel online; <paramref name="Phone"/>: where they call otherwise. <paramref name="ReminderHours"/>: how
/// long before each appointment its reminder is emailed (0: none; null: as configured). <paramref name="ReceptionSeesDashboard"/>:
/// whether receptionists see the dashboard, without any clinician's figures (null: as saved, at first not).
/// </summary>
public sealed record PracticeProfile(
    string Name, string TimeZone, string EmailFrom, string? ReceptionEmail = null, Domain.Policies.BookingWindow? Window = null, string? Phone = null,
    int? ReminderHours = null, bool? ReceptionSeesDashboard = null, int? RetentionMonths = null, string? Language = null)
{
    /// <summary>The language of pages and emails for anyone who has not chosen their own.</summary>
    public string LanguageCode => string.IsNullOrWhiteSpace(Language) ? "en" : Language;

    /// <summary>The most months a patient can be kept for by the setting (twenty years).</summary>
    public const int MaxRetentionMonths = 240;

    /// <summary>
    /// How many months a patient with no appointment is kept before the owner is asked to erase them; null when the
    /// practice keeps patients until they are erased by hand (the default).
    /// </summary>
    public int? KeepPatientsMonths => RetentionMonths is > 0 and var months ? months : null;

    /// <summary>Whether the owner shares the dashboard's practice-wide figures with reception.</summary>
    public bool DashboardSharedWithReception => ReceptionSeesDashboard ?? false;

    public int ReminderHoursBefore => ReminderHours ?? ReminderOptions.DefaultHoursBefore;

    /// <summary>How long before an appointment its reminder is due; null when reminders are off.</summary>
    public TimeSpan? ReminderLead => ReminderHoursBefore > 0 ? TimeSpan.FromHours(ReminderHoursBefore) : null;

    public string ReceptionAddress => string.IsNullOrWhiteSpace(ReceptionEmail) ? EmailFrom : ReceptionEmail;

    public Domain.Policies.BookingWindow BookingWindow => Window ?? Domain.Policies.BookingWindow.Default;

    /// <summary>"call 020 7946 0000", or "call the practice" when no number is set (in the language being read).</summary>
    public string CallText => string.IsNullOrWhiteSpace(Phone) ? Resources.AccountTexts.Call_Practice : string.Format(Resources.AccountTexts.Call_Phone, Phone);
}
