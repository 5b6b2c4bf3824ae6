using ClinicPortal.Features.Shared.TimeGrid;
using ClinicPortal.Tests.Unit.Support;

namespace ClinicPortal.Tests.Unit.Calendar;

/// <summary>Bookings that overlap in one column (a patient squeezed in over another's time) share its width; others keep it whole.</summary>
public class TimeGridLanesTests
{
    private static GridBlock Booked(string name, int startSlot, int slots) =>
        new(A.MorningSlot(startSlot).StartUtc, A.MorningSlot(startSlot).StartUtc.AddMinutes(10 * slots), GridBlockKind.Booked, name, AppointmentId: A.Id(name));

    private static IReadOnlyDictionary<string, (int Lane, int Lanes)> Lanes(params GridColumn[] columns) =>
        TimeGridLayout.For(columns, A.London, A.Now).Blocks.ToDictionary(b => b.Block.Label, b => (b.Lane, b.Lanes));

    [Fact]
    public void BlocksThatDoNotOverlap_KeepTheWholeColumn()
    {
        var lanes = Lanes(new GridColumn("Dr Hart", A.Tomorrow, [Booked("a", 1, 1), Booked("b", 2, 2), Booked("c", 4, 1)]));
        Assert.All(lanes.Values, lane => Assert.Equal((0, 1), lane));
    }

    [Fact]
    public void TwoAtOnce_ShareTheColumnHalfEach_AndTheNextBlockAfterThemIsWholeAgain()
    {
        var lanes = Lanes(new GridColumn("Dr Hart", A.Tomorrow, [Booked("first", 1, 2), Booked("squeezed", 2, 1), Booked("later", 3, 1)]));
        Assert.Equal((0, 2), lanes["first"]);
        Assert.Equal((1, 2), lanes["squeezed"]);
        Assert.Equal((0, 1), lanes["later"]);
    }

    [Fact]
    public void AChainOfOverlaps_ReusesAFreedLane_AndEveryBlockOfTheRunHasItsWidth()
    {
        // long 09:00–09:30 overlaps a 09:00–09:10 and a 09:20–09:30: two lanes, the third block in the lane the second freed.
        var lanes = Lanes(new GridColumn("Dr Hart", A.Tomorrow, [Booked("long", 1, 3), Booked("early", 1, 1), Booked("late", 3, 1)]));
        Assert.Equal((0, 2), lanes["long"]);
        Assert.Equal((1, 2), lanes["early"]);
        Assert.Equal((1, 2), lanes["late"]);
    }

    [Fact]
    public void ColumnsAreLaidOutApart()
    {
        var lanes = Lanes(
            new GridColumn("Dr Hart", A.Tomorrow, [Booked("hart", 1, 1)]),
            new GridColumn("Dr Okafor", A.Tomorrow, [Booked("okafor", 1, 1), Booked("okafor2", 1, 1)]));
        Assert.Equal((0, 1), lanes["hart"]);
        Assert.Equal([(0, 2), (1, 2)], new[] { lanes["okafor"], lanes["okafor2"] }.Order());
    }
}
