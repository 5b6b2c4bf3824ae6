using ClinicPortal.Application.Ports;
using ClinicPortal.Infrastructure.Data;
using Microsoft.Extensions.Options;

namespace ClinicPortal.Infrastructure.Practice;

/// <summary>
/// The practice's name, time zone and email sender. The owner's saved settings (table practice_settings)
/// win over configuration, which gives the defaults.
/// </summary>
public sealed class PracticeSettings(
    ClinicDatabase database, IOptions<PracticeOptions> practice, IOptions<Email.EmailOptions> email, IOptions<ReminderOptions> reminders, TimeProvider time)
    : IPracticeRules
{
    private PracticeProfile? _saved;

    public PracticeProfile Current => _saved ?? Configured;

    public Domain.Policies.BookingWindow BookingWindow => Current.BookingWindow;

    public int ReminderHoursBefore => Current.ReminderHoursBefore;

    public TimeSpan? ReminderLead => Current.ReminderLead;

    public int? KeepPatientsMonths => Current.KeepPatientsMonths;

    private PracticeProfile Configured => new(practice.Value.Name, practice.Value.TimeZone, email.Value.From, null,
        new(practice.Value.MinNoticeHours, practice.Value.MaxDaysAhead, practice.Value.CancelCutoffHours), practice.Value.Phone,
        reminders.Value.HoursBefore, Language: practice.Value.Language);

    public async Task LoadAsync(CancellationToken ct = default)
    {
        // Settings saved before booking windows (or reminders) existed keep the configured window and phone (and reminders).
        var rows = await database.RowsAsync<SettingsRow>(
            "SELECT name, time_zone, email_from, reception_email, min_notice_hours, max_days_ahead, cancel_cutoff_hours, phone, reminder_hours, reception_sees_dashboard, retention_months, language " +
            "FROM practice_settings WHERE id = 1;",
            ct);
        _saved = rows.Count > 0 ? rows[0].Profile(Configured) : null;
    }

    /// <summary>Saves the profile, or says in a sentence why it cannot be saved (and saves nothing).</summary>
    public async Task<string?> SaveAsync(PracticeProfile profile, CancellationToken ct = default)
    {
        if (!profile.BookingWindow.IsValid)
            return $"Booking notice and the cut-off are whole hours from 0 to {Domain.Policies.BookingWindow.MaxHours}, and days ahead from 1 to {Domain.Policies.BookingWindow.MaxDays}.";
        if (profile.ReminderHours is < 0 or > ReminderOptions.MaxHoursBefore)
            return $"Reminders go from 1 to {ReminderOptions.MaxHoursBefore} hours before the appointment, or 0 for none.";
        if (profile.Language is { } code && !Languages.Languages.Offered.Any(o => o.Code == code))
            return $"{code} is not a language ClinicPortal is written in. Choose one from the list.";
        if (profile.RetentionMonths is < 0 or > PracticeProfile.MaxRetentionMonths)
            return $"Patients are kept from 1 to {PracticeProfile.MaxRetentionMonths} months after their last appointment, or 0 until erased by hand.";
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(profile.TimeZone, out _))
            return $"{profile.TimeZone} is not a time zone this server knows. Choose one from the list.";
        // Days are stored as dates of the practice's zone: moving the zone under scheduled days would shift them.
        if (profile.TimeZone.Trim() != Current.TimeZone && await FutureDaysAsync(ct) is > 0 and var days)
            return $"The time zone cannot change while {days} future {(days == 1 ? "day is" : "days are")} scheduled: their times were set in {Current.TimeZone}. " +
                   "Change it before scheduling, or once those days have passed or been cancelled.";

        var window = profile.Window ?? Current.BookingWindow;
        var phone = profile.Window is null ? Current.Phone : string.IsNullOrWhiteSpace(profile.Phone) ? null : profile.Phone.Trim();
        var reminder = profile.ReminderHours ?? Current.ReminderHoursBefore;
        var dashboard = profile.ReceptionSeesDashboard ?? Current.DashboardSharedWithReception;
        var retention = profile.RetentionMonths ?? Current.RetentionMonths;
        var language = profile.Language ?? Current.Language;
        var reception = string.IsNullOrWhiteSpace(profile.ReceptionEmail) ? null : profile.ReceptionEmail.Trim();
        await database.ExecuteAsync(
            """
            INSERT INTO practice_settings (id, name, time_zone, email_from, reception_email, min_notice_hours, max_days_ahead, cancel_cutoff_hours, phone, reminder_hours,
                                           reception_sees_dashboard, retention_months, language)
            VALUES (1, @name, @zone, @from, @reception, @notice, @ahead, @cutoff, @phone, @reminder, @dashboard, @retention, @language)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, time_zone = excluded.time_zone, email_from = excluded.email_from,
                reception_email = excluded.reception_email, min_notice_hours = excluded.min_notice_hours, max_days_ahead = excluded.max_days_ahead,
                cancel_cutoff_hours = excluded.cancel_cutoff_hours, phone = excluded.phone,
                reminder_hours = excluded.reminder_hours, reception_sees_dashboard = excluded.reception_sees_dashboard,
                retention_months = excluded.retention_months, language = excluded.language;
            """,
            ct, ("@name", profile.Name.Trim()), ("@zone", profile.TimeZone.Trim()), ("@from", profile.EmailFrom.Trim()), ("@reception", reception),
            ("@notice", window.MinNoticeHours), ("@ahead", window.MaxDaysAhead), ("@cutoff", window.CancelCutoffHours), ("@phone", phone),
            ("@reminder", reminder), ("@dashboard", dashboard), ("@retention", retention is > 0 ? retention : null),
            ("@language", language));
        _saved = profile with { ReceptionEmail = reception, Window = window, Phone = phone, ReminderHours = reminder, ReceptionSeesDashboard = dashboard,
            RetentionMonths = retention is > 0 ? retention : null, Language = language };
        return null;
    }

    /// <summary>How many clinician-days still have slots ahead.</summary>
    private async Task<long> FutureDaysAsync(CancellationToken ct) =>
        Convert.ToInt64(await database.ScalarAsync(
            "SELECT count(*) FROM (SELECT DISTINCT doctor_id, date FROM rm_slots WHERE start_utc > @now) days;",
            ct, ("@now", time.GetUtcNow().ToUnixTimeMilliseconds())));

    /// <summary>The settings' row, by column name; what it leaves empty (saved before that setting existed) is as configured.</summary>
    private sealed class SettingsRow
    {
        public string Name { get; init; } = "";
        public string TimeZone { get; init; } = "";
        public string EmailFrom { get; init; } = "";
        public string? ReceptionEmail { get; init; }
        public int? MinNoticeHours { get; init; }
        public int? MaxDaysAhead { get; init; }
        public int? CancelCutoffHours { get; init; }
        public string? Phone { get; init; }
        public int? ReminderHours { get; init; }
        public bool? ReceptionSeesDashboard { get; init; }
        public int? RetentionMonths { get; init; }
        public string? Language { get; init; }

        public PracticeProfile Profile(PracticeProfile configured) => new(Name, TimeZone, EmailFrom, ReceptionEmail,
            MinNoticeHours is { } notice ? new(notice, MaxDaysAhead!.Value, CancelCutoffHours!.Value) : configured.Window,
            Phone ?? configured.Phone, ReminderHours ?? configured.ReminderHours, ReceptionSeesDashboard ?? false,
            RetentionMonths, Language ?? configured.Language);
    }
}
