namespace ClinicPortal.Features.Notifications;

/// <summary>Who the calendar entries are from and what they say.</summary>
public sealed record CalendarDetails(string PracticeName, string PracticeEmail, string PatientEmail, string Summary, string Description, string TimeZoneId);
