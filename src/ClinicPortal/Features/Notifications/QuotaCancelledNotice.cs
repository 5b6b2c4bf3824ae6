using ClinicPortal.Domain.Policies;

namespace ClinicPortal.Features.Notifications;

public sealed record QuotaCancelledNotice(
    string PracticeName, string PatientName, string ClinicianName, DateOnly Date, IReadOnlyList<NoticeTimes> Times, string BookAgainUrl)
    : Notice(PracticeName, PatientName, ClinicianName, Date, Times, BookAgainUrl)
{
    public override string Subject => $"Cancelled: more than {MonthlyQuota.MaxSlotsPerMonth} slots in {Date:MMMM}";
    public override string Lead() =>
        $"A patient may hold at most {MonthlyQuota.MaxSlotsPerMonth} appointment slots in one calendar month. Your latest booking took you over " +
        $"that limit for {Date:MMMM yyyy}, so it was cancelled: {ClinicianName} on {Day} at {TimesText}.";
}
