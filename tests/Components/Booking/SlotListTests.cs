using ClinicPortal.Features.Booking.BookSlots;
using ClinicPortal.Infrastructure.ReadModels;

namespace ClinicPortal.Tests.Components.Booking;

public class SlotListTests : ClinicTestContext
{
    private static readonly Guid Hart = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid Okafor = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly Dictionary<Guid, string> Names = new() { [Hart] = "Dr Hart", [Okafor] = "Dr Okafor" };
    private static readonly DateTimeOffset Nine = new(2026, 3, 3, 9, 0, 0, TimeSpan.Zero);

    private static AvailableSlot At(int minutesAfterNine) => new(Guid.NewGuid(), Nine.AddMinutes(minutesAfterNine));

    // Okafor is listed first by the read model (by id), but people look doctors up by name.
    // Hart: 09:00, 09:10 free, 09:20 booked (absent), 09:30 free. Okafor: 09:40, 09:50 free.
    private static readonly IReadOnlyList<DoctorSlots> Available =
    [
        new(Okafor, [At(40), At(50)]),
        new(Hart, [At(0), At(10), At(30)]),
    ];

    private readonly List<SlotList.Choice> chosen = [];

    private IRenderedComponent<SlotList> Render(bool doubleSlot, bool disabled = false) =>
        Render<SlotList>(ps => ps
            .Add(p => p.Offers, SlotOffers.For(Available, Names, doubleSlot).Doctors)
            .Add(p => p.Time, t => t.ToString("HH:mm"))
            .Add(p => p.Disabled, disabled)
            .Add(p => p.OnChoose, (SlotList.Choice c) => chosen.Add(c)));

    private static string[] Buttons(IRenderedComponent<SlotList> list, int doctor) =>
        list.FindAll("[data-testid=doctor-offers]")[doctor].QuerySelectorAll("button").Select(b => b.TextContent.Trim()).ToArray();

    [Fact]
    public void DoctorsAreGroupedByNameAndTheirFreeSlotsOrderedByTime()
    {
        var list = Render(doubleSlot: false);

        Assert.Equal(["Dr Hart", "Dr Okafor"], list.FindAll("h2").Select(h => h.TextContent.Trim()));
        Assert.Equal(["09:00", "09:10", "09:30"], Buttons(list, 0));
        Assert.Equal(["09:40", "09:50"], Buttons(list, 1));
    }

    [Fact]
    public void ADoubleSlotIsOfferedOnlyWhereTwoAdjacentSlotsAreFree()
    {
        var list = Render(doubleSlot: true);

        // Hart's 09:10 is followed by the booked 09:20, and 09:30 by nothing: only 09:00–09:20 is a pair.
        Assert.Equal(["09:00–09:20"], Buttons(list, 0));
        Assert.Equal(["09:40–10:00"], Buttons(list, 1));
    }

    [Fact]
    public void ClickingAnOfferChoosesExactlyItsSlots()
    {
        var list = Render(doubleSlot: true);

        list.Find("button[aria-label='Book 09:40 to 10:00 with Dr Okafor']").Click();

        var choice = Assert.Single(chosen);
        Assert.Equal("Dr Okafor", choice.Doctor.DoctorName);
        Assert.Equal([Available[0].Slots[0].SlotId, Available[0].Slots[1].SlotId], choice.Offer.SlotIds);
    }

    [Fact]
    public void WhileDisabledEveryOfferLooksAndIsDisabled()
    {
        var list = Render(doubleSlot: false, disabled: true);

        Assert.All(list.FindAll("button.slot-offer"), button => Assert.True(button.HasAttribute("disabled")));
        Assert.Empty(chosen);
    }

    [Fact]
    public void ADayWithoutOffersSaysSo()
    {
        var list = Render<SlotList>(ps => ps
            .Add(p => p.Offers, SlotOffers.For([], Names, doubleSlot: false).Doctors)
            .Add(p => p.Time, t => t.ToString("HH:mm"))
            .Add(p => p.EmptyText, "No two free slots in a row on this day."));

        Assert.Equal("No two free slots in a row on this day.", list.Find("[data-testid=no-slots]").TextContent.Trim());
        Assert.Empty(list.FindAll("button"));
    }
}
