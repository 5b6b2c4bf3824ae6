using ClinicPortal.Features.Booking.BookSlots;
using ClinicPortal.Infrastructure.ReadModels;

namespace ClinicPortal.Tests.Components.Booking;

public class SlotListTests
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

    private static Task<AngleSharp.Dom.IDocument> Render(bool doubleSlot) =>
        ComponentRenderer.RenderAsync<SlotList>(new Dictionary<string, object?>
        {
            [nameof(SlotList.Offers)] = SlotOffers.For(Available, Names, doubleSlot),
            [nameof(SlotList.Time)] = (Func<DateTimeOffset, string>)(t => t.ToString("HH:mm")),
        });

    private static string[][] Groups(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll("[data-testid=doctor-offers]")
            .Select(group => group.QuerySelectorAll(".slot-offer").Select(b => b.TextContent.Trim()).Prepend(group.QuerySelector("h2")!.TextContent.Trim()).ToArray())
            .ToArray();

    [Fact]
    public async Task SingleSlotsAreGroupedByDoctorNameAndOrderedByTime()
    {
        var page = await Render(doubleSlot: false);

        Assert.Equal([["Dr Hart", "09:00", "09:10", "09:30"], ["Dr Okafor", "09:40", "09:50"]], Groups(page));
    }

    [Fact]
    public async Task ADoubleSlotIsOfferedOnlyWhereTwoAdjacentSlotsAreFree()
    {
        var page = await Render(doubleSlot: true);

        // 09:10 + 09:20 is not offered (09:20 is booked); 09:30 has no free slot after it.
        Assert.Equal([["Dr Hart", "09:00–09:20"], ["Dr Okafor", "09:40–10:00"]], Groups(page));
    }

    [Fact]
    public async Task EachOfferSaysWhatItBooksToAScreenReader()
    {
        var page = await Render(doubleSlot: true);

        Assert.Equal("Book 09:00 to 09:20 with Dr Hart", page.QuerySelector(".slot-offer")!.GetAttribute("aria-label"));
    }

    [Fact]
    public async Task ADayWithNothingFreeSaysSo()
    {
        var page = await ComponentRenderer.RenderAsync<SlotList>(new Dictionary<string, object?>
        {
            [nameof(SlotList.Offers)] = SlotOffers.For([], Names, doubleSlot: false),
            [nameof(SlotList.Time)] = (Func<DateTimeOffset, string>)(t => t.ToString("HH:mm")),
        });

        Assert.Equal("No free slots on this day.", page.QuerySelector("[data-testid=no-slots]")!.TextContent.Trim());
    }
}
