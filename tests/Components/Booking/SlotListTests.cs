using ClinicPortal.Domain.VisitTypes;
using ClinicPortal.Features.Booking.BookSlots;
using ClinicPortal.Application.Queries;
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
    private static readonly IReadOnlyList<ClinicianSlots> Available =
    [
        new(Okafor, [At(40), At(50)]),
        new(Hart, [At(0), At(10), At(30)]),
    ];

    private readonly List<SlotList.Choice> chosen = [];

    private IRenderedComponent<SlotList> Render(bool doubleSlot, bool disabled = false) =>
        Render<SlotList>(ps => ps
            .Add(p => p.Offers, SlotOffers.For(Available, Names, doubleSlot ? VisitType.LongConsultation : VisitType.Consultation, byPatient: true).Clinicians)
            .Add(p => p.Time, t => t.ToString("HH:mm"))
            .Add(p => p.Disabled, disabled)
            .Add(p => p.OnChoose, (SlotList.Choice c) => chosen.Add(c)));

    private static string[] Buttons(IRenderedComponent<SlotList> list, int doctor) =>
        list.FindAll("[data-testid=clinician-offers]")[doctor].QuerySelectorAll("button").Select(b => b.TextContent.Trim()).ToArray();

    [Fact]
    public void CliniciansAreGroupedByNameAndTheirFreeSlotsOrderedByTime()
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
        Assert.Equal("Dr Okafor", choice.Clinician.ClinicianName);
        Assert.Equal([Available[0].Slots[0].SlotId, Available[0].Slots[1].SlotId], choice.Offer.SlotIds);
    }

    [Fact]
    public void AReloadKeepsTheClickHandlersOfOffersStillShown_SoOnlyWhatChangedIsSentToTheBrowser()
    {
        var list = Render(doubleSlot: false);
        string?[] Handlers() => list.FindAll("button.slot-offer").Select(b => b.GetAttribute("blazor:onclick")).ToArray();
        var before = Handlers();

        // Someone booked Okafor's 09:50: the page reads the day again, as new lists of equal offers.
        IReadOnlyList<ClinicianSlots> reloaded = [new(Okafor, [Available[0].Slots[0]]), new(Hart, [.. Available[1].Slots])];
        list.Render(ps => ps.Add(p => p.Offers, SlotOffers.For(reloaded, Names, VisitType.Consultation, byPatient: true).Clinicians));
        var after = Handlers();
        list.Find("button[aria-label='Book 09:00 to 09:10 with Dr Hart']").Click();

        Assert.All(before, handler => Assert.False(string.IsNullOrEmpty(handler)));
        Assert.Equal(before[..4], after); // Hart's three and Okafor's 09:40, in that order on the page
        Assert.Equal(4, after.Length);
        Assert.Equal(Available[1].Slots[0].SlotId, Assert.Single(chosen).Offer.FirstSlotId);
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
            .Add(p => p.Offers, SlotOffers.For([], Names, VisitType.Consultation, byPatient: true).Clinicians)
            .Add(p => p.Time, t => t.ToString("HH:mm"))
            .Add(p => p.EmptyText, "No two free slots in a row on this day."));

        Assert.Equal("No two free slots in a row on this day.", list.Find("[data-testid=no-slots]").TextContent.Trim());
        Assert.Empty(list.FindAll("button"));
    }

    [Fact]
    public void ATimeOverTheOwnAppointmentOfThePatientIsDashedAndSaysSo()
    {
        var busy = new[] { new BusyTime(Nine.AddMinutes(10), Nine.AddMinutes(20)) };
        var list = Render<SlotList>(ps => ps
            .Add(p => p.Offers, SlotOffers.For(Available, Names, VisitType.Consultation, byPatient: false, busy, clashes: true).Clinicians)
            .Add(p => p.Time, t => t.ToString("HH:mm")));

        var own = list.FindAll("button.own-clash").Single();
        Assert.Equal("09:10", own.TextContent.Trim());
        Assert.Contains("over the patient's own appointment then", own.GetAttribute("aria-label"));
    }
}
