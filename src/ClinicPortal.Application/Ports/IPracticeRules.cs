using ClinicPortal.Domain.Policies;

namespace ClinicPortal.Application.Ports;

/// <summary>
/// What the owner has set that decisions and reactions take into account: when patients may book, move and cancel
/// online, and how many hours before each appointment its reminder is due (0: reminders are off).
/// </summary>
public interface IPracticeRules
{
    BookingWindow BookingWindow { get; }

    int ReminderHoursBefore { get; }

    /// <summary>How long before an appointment its reminder is due; null when reminders are off.</summary>
    TimeSpan? ReminderLead { get; }
}
