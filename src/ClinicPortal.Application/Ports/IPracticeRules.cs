using ClinicPortal.Domain.Policies;

namespace ClinicPortal.Application.Ports;

/// <summary>
/// What the owner has set that decisions and reactions take into account: when patients may book, move and cancel
/// online, how many hours before each appointment its reminder is due (0: reminders are off), and how long a patient
/// with no appointment is kept.
/// </summary>
public interface IPracticeRules
{
    BookingWindow BookingWindow { get; }

    int ReminderHoursBefore { get; }

    /// <summary>How long before an appointment its reminder is due; null when reminders are off.</summary>
    TimeSpan? ReminderLead { get; }

    /// <summary>How many months a patient with no appointment is kept before the owner is asked to erase them; null: until erased by hand.</summary>
    int? KeepPatientsMonths { get; }
}
