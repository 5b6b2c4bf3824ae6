using ClinicPortal.Domain;
using ClinicPortal.Features.Admin.Audit;
using ClinicPortal.Tests.Unit.Support;

namespace ClinicPortal.Tests.Unit;

public class AuditTextTests
{
    private static readonly AuditText Text = new(
        new Dictionary<Guid, string> { [A.DoctorId] = "Dr Hart", [A.PatientId] = "Pat Lee" },
        t => Domain.Scheduling.PracticeTime.ToLocal(t, A.London).ToString("HH:mm"));

    [Fact]
    public void AScheduledDayListsEachBlockSoTheGapsShow() =>
        Assert.Equal("Scheduled 4 slots for Dr Hart on Tue 3 Mar 2026, 09:00–09:20, 09:30–09:50",
            Text.What(A.DayScheduled(1, 2, 4, 5)));

    [Fact]
    public void AQuotaCancellationSaysWhy() =>
        Assert.Equal("Cancelled Pat Lee's booking 09:00–09:10 on Tue 3 Mar 2026 with Dr Hart (over the monthly limit of 10 slots)",
            Text.What(new BookingCancelled(A.BookingId, A.PatientId, A.DoctorId, A.Tomorrow, [A.MorningSlot(1)], CancellationReason.QuotaExceeded, "system:quota-policy")));

    [Fact]
    public void WhoNamesPeopleAndThePolicy()
    {
        Assert.Equal("Pat Lee", Text.Who(A.PatientId.ToString()));
        Assert.Equal("ClinicPortal (monthly quota)", Text.Who(Actor.QuotaPolicy.Name));
    }
}
