using ClinicPortal.Domain.VisitTypes;
using ClinicPortal.Features.Booking.BookSlots;
using ClinicPortal.Application.Queries;
using ClinicPortal.Infrastructure.ReadModels;

namespace ClinicPortal.Tests.Unit.Booking;

public class SlotOffersTests
{
    private static readonly Guid Hart = Guid.NewGuid();
    private static readonly Guid Okafor = Guid.NewGuid();
    private static readonly Dictionary<Guid, string> Names = new() { [Hart] = "Dr Hart", [Okafor] = "Dr Okafor" };
    private static readonly DateTimeOffset Nine = new(2026, 3, 3, 9, 0, 0, TimeSpan.Zero);

    private static ClinicianSlots Day(Guid doctor, params int[] minutesAfterNine) =>
        new(doctor, minutesAfterNine.Select(m => new AvailableSlot(Guid.NewGuid(), Nine.AddMinutes(m))).ToArray());

    private static string[] Starts(DayOffers offers, string doctor) =>
        offers.Clinicians.Single(d => d.ClinicianName == doctor).Offers.Select(o => o.StartUtc.ToString("HH:mm")).ToArray();

    [Fact]
    public void AVisitNeedingARoomFeatureIsOfferedOnlyInRoomsInUseWithIt_AndNoVisitRunsAcrossTwoRooms()
    {
        var treatment = new Domain.Rooms.Room(Guid.NewGuid(), "Treatment room", ["treatment"], true);
        var closed = new Domain.Rooms.Room(Guid.NewGuid(), "Old treatment room", ["treatment"], false);
        var plain = new Domain.Rooms.Room(Guid.NewGuid(), "Room 2", [], true);
        Guid? RoomAt(int m) => m < 20 ? treatment.Id : m < 40 ? plain.Id : m < 60 ? treatment.Id : closed.Id;
        var day = new ClinicianSlots(Hart, new[] { 0, 10, 20, 30, 40, 50, 60, 70 }.Select(m => new AvailableSlot(Guid.NewGuid(), Nine.AddMinutes(m), RoomId: RoomAt(m))).ToArray());
        var rooms = new[] { treatment, closed, plain };
        var procedure = VisitType.LongConsultation with { RoomFeature = "treatment" };

        var offers = SlotOffers.For([day], Names, procedure, byPatient: true, roomOf: id => rooms.FirstOrDefault(r => r.Id == id));

        Assert.Equal(["09:00", "09:40"], Starts(offers, "Dr Hart"));
        Assert.Equal(["09:00", "09:20", "09:40", "10:00"],
            Starts(SlotOffers.For([day], Names, VisitType.LongConsultation, byPatient: true, roomOf: id => rooms.FirstOrDefault(r => r.Id == id)), "Dr Hart"));
        Assert.Empty(SlotOffers.For([day], Names, procedure, byPatient: true).Clinicians); // no room known: none has the feature
    }

    [Fact]
    public void TimesOverlappingAPatientsAppointmentAreLeftOutWithEveryClinicianAndCounted()
    {
        var busy = new[] { new BusyTime(Nine.AddMinutes(10), Nine.AddMinutes(30)) };

        var offers = SlotOffers.For([Day(Hart, 0, 10, 20, 30), Day(Okafor, 0, 20, 40)], Names, VisitType.Consultation, byPatient: true, busy);

        Assert.Equal(["09:00", "09:30"], Starts(offers, "Dr Hart"));
        Assert.Equal(["09:00", "09:40"], Starts(offers, "Dr Okafor"));
        Assert.Equal(3, offers.HiddenForClashes);
    }

    [Fact]
    public void ADoubleSlotThatWouldRunIntoAPatientsAppointmentIsLeftOut()
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

        Assert.Equal(2, offers.Clinicians.Single().Offers.Count);
        Assert.Equal(0, offers.HiddenForClashes);
    }

    [Fact]
    public void OnlyTheCliniciansTakingAppointmentsAreOffered()
    {
        var offers = SlotOffers.For([Day(Hart, 0), Day(Okafor, 0)], new Dictionary<Guid, string> { [Hart] = "Dr Hart" }, VisitType.Consultation, byPatient: true);

        Assert.Equal(["Dr Hart"], offers.Clinicians.Select(d => d.ClinicianName));
    }

    [Fact]
    public void StaffWhoAskToSeeClashes_AreOfferedTheTimesOverlappingThePatientsOwnAppointments_MarkedAsSuch()
    {
        var busy = new[] { new BusyTime(Nine.AddMinutes(10), Nine.AddMinutes(30)) };

        var offers = SlotOffers.For([Day(Hart, 0, 10, 20, 30)], Names, VisitType.Consultation, byPatient: false, busy, clashes: true);

        Assert.Equal(["09:00", "09:10", "09:20", "09:30"], Starts(offers, "Dr Hart"));
        Assert.Equal([false, true, true, false], offers.Clinicians.Single().Offers.Select(o => o.PatientClash));
        Assert.All(offers.Clinicians.Single().Offers.Where(o => o.PatientClash), o => Assert.True(o.Clashes));
        Assert.Equal(0, offers.HiddenForClashes);
    }
}
