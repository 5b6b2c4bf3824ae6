using ClinicPortal.Domain;
using ClinicPortal.Features.Admin.Audit;
using ClinicPortal.Tests.Unit.Support;

namespace ClinicPortal.Tests.Unit;

public class AuditTextTests
{
    private static readonly AuditText Text = new(
        new Dictionary<Guid, string> { [A.ClinicianId] = "Dr Hart", [A.PatientId] = "Pat Lee" },
        t => Domain.Scheduling.PracticeTime.ToLocal(t, A.London).ToString("HH:mm"));

    [Fact]
    public void AScheduledDayListsEachBlockSoTheGapsShow() =>
        Assert.Equal("Scheduled 4 slots for Dr Hart on Tue 3 Mar 2026, 09:00–09:20, 09:30–09:50",
            Text.What(A.DayScheduled(1, 2, 4, 5)));

    [Fact]
    public void AQuotaCancellationSaysWhy() =>
        Assert.Equal("Cancelled Pat Lee's booking 09:00–09:10 on Tue 3 Mar 2026 with Dr Hart (over the monthly limit of 10 slots)",
            Text.What(new AppointmentCancelled(A.AppointmentId, A.PatientId, A.ClinicianId, A.Tomorrow, [A.MorningSlot(1)], CancellationReason.QuotaExceeded, "system:quota-policy")));

    [Fact]
    public void AnAppointmentNamesItsVisitType_AndTimeKeptForStaffSaysSo()
    {
        var text = new AuditText(new Dictionary<Guid, string> { [A.ClinicianId] = "Dr Hart", [A.PatientId] = "Pat Lee" },
            t => Domain.Scheduling.PracticeTime.ToLocal(t, A.London).ToString("HH:mm"),
            new Dictionary<Guid, string> { [Domain.VisitTypes.VisitType.LongConsultationId] = "Long consultation", [A.Id("procedure")] = "Minor procedure" });

        Assert.Equal("Booked a Long consultation 09:00–09:20 on Tue 3 Mar 2026 with Dr Hart for Pat Lee",
            text.What(A.SlotsBooked(A.AppointmentId, A.PatientId, 1, 2)));
        Assert.Equal("Scheduled 3 slots for Dr Hart on Tue 3 Mar 2026, 09:00–09:30, kept for staff to book, only for Minor procedure",
            text.What(A.DayScheduled(1, 2, 3) with { StaffOnly = true, OnlyFor = [A.Id("procedure")] }));
        Assert.Equal("Moved Pat Lee's Long consultation booking from Tue 3 Mar 2026 09:00–09:20 with Dr Hart to Tue 3 Mar 2026 09:30–09:50 with Dr Hart",
            text.What(new AppointmentMoved(A.AppointmentId, A.PatientId, Domain.VisitTypes.VisitType.LongConsultationId, A.ClinicianId, A.Tomorrow,
                [A.MorningSlot(1), A.MorningSlot(2)], A.ClinicianId, A.Tomorrow, [A.MorningSlot(4), A.MorningSlot(5)], "p")));
        Assert.Equal("Defined the room Treatment room: treatment, step-free, out of use",
            text.What(new Domain.Rooms.RoomDefined(A.Id("r"), "Treatment room", ["treatment", "step-free"], false, "owner")));
        Assert.Equal("Defined the visit type Vaccination: 10 minutes, booked by staff only",
            text.What(new Domain.VisitTypes.VisitTypeDefined(A.Id("v"), "Vaccination", "", 10, [ClinicianKind.Nurse], [], false, "#7b1fa2", "owner")));
    }

    [Fact]
    public void ASqueezeInSaysTheClinicianSeesAnotherPatientThen_NotThatThePatientHadAnotherAppointment()
    {
        var squeezed = new DeciderSpec<Domain.Booking.BookSlotsDecider, Domain.Booking.BookSlots, Domain.Booking.AppointmentToBook, SlotsBooked>()
            .Given(A.DayScheduled(1, 2), A.SlotsBooked(A.Id("first"), A.OtherPatientId, 1))
            .When(new Domain.Booking.BookSlots(A.AppointmentId, A.PatientId, [A.Slot(1)], A.Receptionist, A.Now, OverrideReason: "Urgent: chest pain"))
            .ThenAccepted().Single();

        Assert.Equal(Clash.Clinician, squeezed.Overrode);
        Assert.Equal("Booked a Consultation 09:00–09:10 on Tue 3 Mar 2026 with Dr Hart for Pat Lee, over the clinician's other patient then (\"Urgent: chest pain\")",
            Text.What(squeezed).Replace("Booked 09:00", "Booked a Consultation 09:00"));
        Assert.EndsWith(", over the patient's other appointment then (\"r\")", Text.What(squeezed with { OverrideReason = "r", Overrode = Clash.Patient }));
        Assert.EndsWith(", over the clinician's other patient then and another appointment in the room then (\"r\")",
            Text.What(squeezed with { OverrideReason = "r", Overrode = Clash.Clinician | Clash.Room }));
        Assert.EndsWith(", over a clash (\"r\")", Text.What(squeezed with { OverrideReason = "r", Overrode = null })); // logged before clashes were named
    }

    [Fact]
    public void WhoNamesPeopleAndThePolicy()
    {
        Assert.Equal("Pat Lee", Text.Who(A.PatientId.ToString()));
        Assert.Equal("ClinicPortal (monthly quota)", Text.Who(Actor.QuotaPolicy.Name));
    }

    [Fact]
    public void ABlockInARoomNamesTheRoom()
    {
        var room = A.Id("room");
        var text = new AuditText(new Dictionary<Guid, string> { [A.ClinicianId] = "Dr Hart" },
            t => Domain.Scheduling.PracticeTime.ToLocal(t, A.London).ToString("HH:mm"), rooms: new Dictionary<Guid, string> { [room] = "Treatment room" });

        Assert.Equal("Scheduled 2 slots for Dr Hart on Tue 3 Mar 2026, 09:00–09:20, in Treatment room", text.What(A.DayScheduled(1, 2) with { RoomId = room }));
    }

    [Fact]
    public void AVisitsPartsChangedByStaffSayWhoSeesThePatientWhen_AndAPartGivenToAnotherClinicianIsAReassignment()
    {
        var nurse = A.Id("nurse");
        var other = A.Id("nurse2");
        var text = new AuditText(new Dictionary<Guid, string> { [A.ClinicianId] = "Dr Hart", [A.PatientId] = "Pat Lee", [nurse] = "Nia Shaw", [other] = "Ola Berg" },
            t => Domain.Scheduling.PracticeTime.ToLocal(t, A.London).ToString("HH:mm"));
        ScheduledSlot N(int n, Guid? id = null) => new(id ?? A.Id($"n{n}"), A.MorningSlot(n).StartUtc);
        BookedPart[] before = [new(ClinicianKind.Nurse, nurse, [A.Id("n1"), A.Id("n2")]), new(ClinicianKind.Doctor, A.ClinicianId, [A.Slot(2), A.Slot(3)])];
        ScheduledSlot[] slots = [N(1), N(2), A.MorningSlot(2), A.MorningSlot(3)];
        BookedPart[] longer = [before[0], new(ClinicianKind.Doctor, A.ClinicianId, [A.Slot(2), A.Slot(3), A.Slot(4)])];
        BookedPart[] reassigned = [new(ClinicianKind.Nurse, other, [A.Id("o1"), A.Id("o2")]), before[1]];
        ScheduledSlot[] otherSlots = [N(1, A.Id("o1")), N(2, A.Id("o2")), A.MorningSlot(2), A.MorningSlot(3)];

        Assert.Equal("Changed Pat Lee's booking on Tue 3 Mar 2026: now 09:00–09:40 with Nia Shaw 09:00–09:20 and Dr Hart 09:10–09:40",
            text.What(new AppointmentMoved(A.AppointmentId, A.PatientId, A.Id("review"), nurse, A.Tomorrow, slots, nurse, A.Tomorrow, [.. slots, A.MorningSlot(4)], "staff",
                FromParts: before, ToParts: longer)));
        Assert.Equal("Reassigned Pat Lee's booking on Tue 3 Mar 2026 09:00–09:30 from Nia Shaw to Ola Berg",
            text.What(new AppointmentMoved(A.AppointmentId, A.PatientId, A.Id("review"), nurse, A.Tomorrow, slots, other, A.Tomorrow, otherSlots, "staff",
                FromParts: before, ToParts: reassigned)));
    }
}
