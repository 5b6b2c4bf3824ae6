using ClinicPortal.Resources;
using ClinicPortal.Domain.Policies;

namespace ClinicPortal.Features.Notifications;

public sealed record QuotaCancelledNotice(
    string PracticeName, string PatientName, string ClinicianName, DateOnly Date, IReadOnlyList<NoticeTimes> Times, string BookAgainUrl)
    : Notice(PracticeName, PatientName, ClinicianName, Date, Times, BookAgainUrl)
{
    public override string Subject => string.Format(Emails.Quota_Subject, MonthlyQuota.MaxSlotsPerMonth, Date.ToString(Emails.Format_Month));
    public override string Lead() =>
        string.Format(Emails.Quota_Lead, MonthlyQuota.MaxSlotsPerMonth, Date.ToString(Emails.Format_MonthYear), ClinicianName, Day, TimesText);
}
