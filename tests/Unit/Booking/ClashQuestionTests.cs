using ClinicPortal.Features.Booking.BookSlots;
using ClinicPortal.Tests.Unit.Support;

namespace ClinicPortal.Tests.Unit.Booking;

/// <summary>What staff are asked before booking over a clash: every clash the time meets, in one sentence.</summary>
public class ClashQuestionTests
{
    private static readonly DateTimeOffset Nine = A.At(A.Tomorrow, 9);

    private static SlotList.Choice Choice(bool clinicianClash = false, bool roomClash = false, int clinicians = 1) =>
        new(new ClinicianOffers(A.ClinicianId, clinicians == 1 ? "Dr Ada Hart" : "Nia Shaw and Dr Ada Hart", [],
                clinicians == 1 ? null : [A.OtherClinicianId, A.ClinicianId]),
            new SlotOffer([A.Slot(1)], Nine, Nine.AddMinutes(10), RoomClash: roomClash, ClinicianClash: clinicianClash));

    [Fact]
    public void ATimeThatMeetsNoClashAsksNothing() =>
        Assert.Null(ClashQuestion.For(Choice(), [new BusyTime(Nine.AddMinutes(10), Nine.AddMinutes(20))], "Sam Patel", moving: false, "09:00–09:10"));

    [Fact]
    public void EveryClashIsNamedInOneSentence_AndAMoveIsAskedAsAMove()
    {
        var busy = new[] { new BusyTime(Nine.AddMinutes(-10), Nine.AddMinutes(5)) };

        var booking = ClashQuestion.For(Choice(clinicianClash: true, roomClash: true), busy, "Sam Patel", moving: false, "09:00–09:10")!;
        Assert.Equal("Book over a clash", booking.Title);
        Assert.Equal("Sam Patel already has an appointment overlapping 09:00–09:10, and Dr Ada Hart already has another patient for some of "
            + "09:00–09:10, and another appointment is in the room for some of 09:00–09:10. Book it anyway? It will be listed on the conflicts desk until resolved.",
            booking.Message);
        Assert.Equal(("Why this booking over the clash?", "Book anyway"), (booking.Label, booking.Yes));

        var move = ClashQuestion.For(Choice(clinicianClash: true, clinicians: 2), [], null, moving: true, "09:00–09:10")!;
        Assert.Equal("Move over a clash", move.Title);
        Assert.StartsWith("Nia Shaw and Dr Ada Hart already have another patient for some of 09:00–09:10. Move it anyway?", move.Message);
        Assert.Equal(("Why this move over the clash?", "Move anyway"), (move.Label, move.Yes));
    }
}
