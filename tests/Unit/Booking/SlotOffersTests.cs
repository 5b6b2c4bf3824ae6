using ClinicPortal.Domain.VisitTypes;
using ClinicPortal.Features.Booking.BookSlots;
using ClinicPortal.Infrastructure.ReadModels;

namespace ClinicPortal.Tests.Unit.Booking;

public class SlotOffersTests
{
    private static readonly Guid Hart = Guid.NewGuid();
    private static readonly Guid Okafor = Guid.NewGuid();
    private static readonly Dictionary<Guid, string> Names = new() { [Hart] = "Dr Hart", [Okafor] = "Dr Okafor" };
    private static readonly DateTimeOffset Nine = new(2026, 3, 3, 9, 0, 0, TimeSpan.Zero);

    private static DoctorSlots Day(Guid doctor, params int[] minutesAfterNine) =>
        new(doctor, minutesAfterNine.Select(m => new AvailableSlot(Guid.NewGuid(), Nine.AddMinutes(m))).ToArray());

    private static string[] Starts(DayOffers offers, string doctor) =>
        offers.Doctors.Single(d => d.DoctorName == doctor).Offers.Select(o => o.StartUtc.ToString("HH:mm")).ToArray();

    [Fact]
    public void TimesOverlappingAPatientsBookingAreLeftOutWithEveryDoctorAndCounted()
    {
        var busy = new[] { new BusyTime(Nine.AddMinutes(10), Nine.AddMinutes(30)) };

        var offers = SlotOffers.For([Day(Hart, 0, 10, 20, 30), Day(Okafor, 0, 20, 40)], Names, VisitType.Consultation, byPatient: true, busy);

        Assert.Equal(["09:00", "09:30"], Starts(offers, "Dr Hart"));
        Assert.Equal(["09:00", "09:40"], Starts(offers, "Dr Okafor"));
        Assert.Equal(3, offers.HiddenForClashes);
    }

    [Fact]
    public void ADoubleSlotThatWouldRunIntoAPatientsBookingIsLeftOut()
    {
        var busy = new[] { new BusyTime(Nine.AddMinutes(20), Nine.AddMinutes(30)) };

        var offers = SlotOffers.For([Day(Hart, 0, 10, 20, 30, 40)], Names, VisitType.LongConsultation, byPatient: true, busy);

        Assert.Equal(["09:00", "09:30"], Starts(offers, "Dr Hart"));
        Assert.Equal(2, offers.HiddenForClashes);
    }

    [Fact]
    public void WithNothingBookedEveryTimeIsOfferedAndNothingIsHidden()
    {
        var offers = SlotOffers.For([Day(Hart, 0, 10)], Names, VisitType.Consultation, byPatient: true);

        Assert.Equal(2, offers.Doctors.Single().Offers.Count);
        Assert.Equal(0, offers.HiddenForClashes);
    }

    [Fact]
    public void OnlyTheCliniciansTakingBookingsAreOffered()
    {
        var offers = SlotOffers.For([Day(Hart, 0), Day(Okafor, 0)], new Dictionary<Guid, string> { [Hart] = "Dr Hart" }, VisitType.Consultation, byPatient: true);

        Assert.Equal(["Dr Hart"], offers.Doctors.Select(d => d.DoctorName));
    }
}
