namespace ClinicPortal.Infrastructure.Practice;

/// <summary>The reminder email before each appointment (<c>Reminders:HoursBefore</c>); the owner's saved settings win.</summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    public const int DefaultHoursBefore = 24;

    /// <summary>At most a week before.</summary>
    public const int MaxHoursBefore = 168;

    /// <summary>How many hours before each appointment its patient is emailed a reminder; 0 turns reminders off.</summary>
    public int HoursBefore { get; set; } = DefaultHoursBefore;
}
