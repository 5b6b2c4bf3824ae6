using System.Collections.Immutable;
using ClinicPortal.Domain.Policies;
using ClinicPortal.Tests.Unit.Support;

namespace ClinicPortal.Tests.Unit.Policies;

public class MonthlyQuotaSpecs
{
    private static readonly DateOnly March = new(2026, 3, 10);
    private static readonly DateOnly April = new(2026, 4, 10);

    private static PatientBookings Holding(params (string Id, DateOnly Date, int Slots, long At)[] bookings) =>
        new(A.PatientId, bookings.ToImmutableDictionary(b => A.Id(b.Id), b => new HeldBooking(A.Id(b.Id), b.Date, b.Slots, b.At)));

    private static (string, DateOnly, int, long)[] Singles(int count, DateOnly date, long firstAt = 1) =>
        Enumerable.Range(0, count).Select(i => ($"m{date.Month}-{i}", date, 1, firstAt + i)).ToArray();

    [Fact]
    public void GivenTenSlotsInAMonth_ThenNothingIsCancelled() =>
        Assert.Empty(MonthlyQuota.BookingsToCancel(Holding(Singles(10, March))));

    [Fact]
    public void GivenElevenSlotsInAMonth_ThenTheBookingMadeLastIsCancelled() =>
        Assert.Equal([A.Id("m3-10")], MonthlyQuota.BookingsToCancel(Holding(Singles(11, March))));

    [Fact]
    public void GivenNineSlotsAndThenADoubleSlot_ThenTheDoubleSlotIsCancelledWhole() =>
        Assert.Equal([A.Id("double")], MonthlyQuota.BookingsToCancel(Holding([.. Singles(9, March), ("double", March, 2, 99)])));

    [Fact]
    public void GivenFourteenSlotsInAMonth_ThenTheFourMadeLastAreCancelled() =>
        Assert.Equal(
            new[] { "m3-13", "m3-12", "m3-11", "m3-10" }.Select(A.Id),
            MonthlyQuota.BookingsToCancel(Holding(Singles(14, March))));

    [Fact]
    public void GivenTenSlotsInEachOfTwoMonths_ThenNothingIsCancelled() =>
        Assert.Empty(MonthlyQuota.BookingsToCancel(Holding([.. Singles(10, March), .. Singles(10, April, 100)])));

    [Fact]
    public void GivenADoubleSlotMadeLastThatWouldLeaveRoom_ThenOnlyItIsCancelled()
    {
        // 10 singles, then a double: 12 slots. Cancelling the double brings the patient back to 10.
        var toCancel = MonthlyQuota.BookingsToCancel(Holding([.. Singles(10, March), ("double", March, 2, 50)]));

        Assert.Equal([A.Id("double")], toCancel);
    }
}
