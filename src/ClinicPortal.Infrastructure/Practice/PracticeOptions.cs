namespace ClinicPortal.Infrastructure.Practice;

public sealed class PracticeOptions
{
    public const string Section = "Practice";

    public string Name { get; set; } = "ClinicPortal Practice";

    /// <summary>IANA time zone id: the practice's days and months are local to it.</summary>
    public string TimeZone { get; set; } = "Europe/London";

    /// <summary>Patients book at least this many hours ahead.</summary>
    public int MinNoticeHours { get; set; } = Domain.Policies.BookingWindow.Default.MinNoticeHours;

    /// <summary>Patients book at most this many days ahead.</summary>
    public int MaxDaysAhead { get; set; } = Domain.Policies.BookingWindow.Default.MaxDaysAhead;

    /// <summary>Patients cancel or move online until this many hours before the start.</summary>
    public int CancelCutoffHours { get; set; } = Domain.Policies.BookingWindow.Default.CancelCutoffHours;

    /// <summary>The language of pages and emails for anyone who has not chosen their own ("en" or "de").</summary>
    public string Language { get; set; } = "en";

    /// <summary>The practice's phone number, which the pages give where patients must call instead.</summary>
    public string? Phone { get; set; }
}
