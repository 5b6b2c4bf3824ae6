using ClinicPortal.Domain;
using ClinicPortal.Domain.Booking;
using ClinicPortal.Domain.EventStore;
using ClinicPortal.Domain.Policies;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Domain.VisitTypes;
using ClinicPortal.Tests.Unit.Support;

namespace ClinicPortal.Tests.Unit.VisitTypes;

/// <summary>
/// A visit of several clinicians (a Diabetes review: the nurse 0–20 minutes, a doctor 10–30): defined by its parts, booked
/// in one append over every part's slots, counted by the patient's time, moved whole, and freed whole.
/// </summary>
public class VisitsOfSeveralCliniciansSpecs
{
    private static DeciderSpec<BookSlotsDecider, BookSlots, AppointmentToBook, SlotsBooked> Appointment => new();
    private static DeciderSpec<DefineVisitTypeDecider, DefineVisitType, VisitTypeCatalogue, VisitTypeDefined> Defining => new();

    private static readonly Guid NurseId = A.Id("nurse");
    private static readonly Guid ReviewId = A.Id("diabetes");
    private static readonly Actor Owner = Actor.Admin(A.Id("owner"));

    private static readonly VisitPart[] ReviewParts = [new(ClinicianKind.Nurse, 0, 20), new(ClinicianKind.Doctor, 10, 20)];

    private static readonly VisitTypeDefined Review =
        new(ReviewId, "Diabetes review", "", 30, [ClinicianKind.Nurse, ClinicianKind.Doctor], [], true, "#2e7d32", "owner", Parts: ReviewParts);

    private static ClinicianKind? KindOf(Guid clinician) => clinician == NurseId ? ClinicianKind.Nurse : ClinicianKind.Doctor;

    /// <summary>The nurse's slot n: its own id, at the same time as the doctor's slot n.</summary>
    private static Guid NurseSlot(int n) => A.Id($"nslot{n}");

    private static DayScheduled NurseDay(params int[] slots) =>
        new(NurseId, A.Tomorrow, slots.Select(n => new ScheduledSlot(NurseSlot(n), A.MorningSlot(n).StartUtc)).ToArray());

    private static BookSlots Book(IEnumerable<Guid> slots, Actor? by = null) =>
        new(A.AppointmentId, A.PatientId, slots.ToArray(), by ?? A.Patient, A.Now, A.Tomorrow, ReviewId, KindOf: KindOf);

    /// <summary>The review from slot n: the nurse's n and n+1, the doctor's n+1 and n+2.</summary>
    private static Guid[] ReviewFrom(int n) => [NurseSlot(n), NurseSlot(n + 1), A.Slot(n + 1), A.Slot(n + 2)];

    private static SlotsBooked ReviewBooked() =>
        Appointment.Given(Review, NurseDay(1, 2, 3, 4), A.DayScheduled(1, 2, 3, 4, 5)).When(Book(ReviewFrom(1))).ThenAccepted().Single();

    [Fact]
    public void GivenTheNurseAndAClinicianFree_WhenAPatientBooksADiabetesReview_ThenOneEventHoldsEveryPartsSlots()
    {
        var booked = ReviewBooked();

        Assert.Equal(NurseId, booked.ClinicianId); // the first part leads
        Assert.Equal(ReviewFrom(1).Order(), booked.Slots.Select(s => s.SlotId).Order());
        Assert.Equal(A.MorningSlot(1).StartUtc, booked.Slots[0].StartUtc);
        Assert.Equal(A.MorningSlot(3).EndUtc, booked.Slots[^1].EndUtc);
        Assert.Equal(3, booked.Slots.PatientSlots()); // 30 minutes of the patient's time, though four clinicians' slots
        Assert.Equal(
            A.Describe(new BookedPart[] { new(ClinicianKind.Nurse, NurseId, [NurseSlot(1), NurseSlot(2)]), new(ClinicianKind.Doctor, A.ClinicianId, [A.Slot(2), A.Slot(3)]) }),
            A.Describe(booked.Parts));
    }

    [Fact]
    public void WhenADiabetesReviewIsBooked_ThenItIsInBothClinicians_Days()
    {
        var tags = EventTags.Of(ReviewBooked());

        Assert.Contains(Tag.Day(NurseId, A.Tomorrow), tags);
        Assert.Contains(Tag.Day(A.ClinicianId, A.Tomorrow), tags);
        Assert.Contains(Tag.Slot(NurseSlot(1)), tags);
        Assert.Contains(Tag.Slot(A.Slot(3)), tags);
    }

    [Fact]
    public void WhenTheCliniciansPartStartsWithTheNurses_ThenSlotsNotFreeForService() =>
        Appointment.Given(Review, NurseDay(1, 2, 3), A.DayScheduled(1, 2, 3))
            .When(Book([NurseSlot(1), NurseSlot(2), A.Slot(1), A.Slot(2)]))
            .ThenRejected(Rejection.SlotsNotFreeForVisitType);

    [Fact]
    public void WhenOnlyTheNursesPartIsChosen_ThenSlotsNotFreeForService() =>
        Appointment.Given(Review, NurseDay(1, 2, 3), A.DayScheduled(1, 2, 3))
            .When(Book([NurseSlot(1), NurseSlot(2)]))
            .ThenRejected(Rejection.SlotsNotFreeForVisitType);

    [Fact]
    public void WhenBothPartsAreClinicians_ThenClinicianDoesNotGiveService() =>
        Appointment.Given(Review, A.DayScheduled(1, 2), A.DayScheduled(2, 3) with { ClinicianId = A.OtherClinicianId, Slots = [new(A.Id("o2"), A.MorningSlot(2).StartUtc), new(A.Id("o3"), A.MorningSlot(3).StartUtc)] })
            .When(Book([A.Slot(1), A.Slot(2), A.Id("o2"), A.Id("o3")]))
            .ThenRejected(Rejection.ClinicianDoesNotGiveVisitType);

    [Fact]
    public void GivenTheCliniciansSlotTaken_WhenADiabetesReviewIsBooked_ThenNothingIsBooked() =>
        Appointment.Given(Review, NurseDay(1, 2, 3), A.DayScheduled(1, 2, 3), A.SlotsBooked(A.Id("other"), A.OtherPatientId, 3))
            .When(Book(ReviewFrom(1)))
            .ThenRejected(Rejection.SlotAlreadyBooked);

    [Fact]
    public void GivenSevenSlotsThisMonth_WhenADiabetesReviewIsBooked_ThenItCountsAsThreeAndFits()
    {
        var held = Enumerable.Range(10, 7).Select(n => A.SlotsBooked(A.Id($"b{n}"), A.PatientId, n)).ToArray();
        Appointment.Given([Review, NurseDay(1, 2, 3), A.DayScheduled([1, 2, 3, .. Enumerable.Range(10, 7)]), .. held])
            .When(Book(ReviewFrom(1))).ThenAccepted();
    }

    [Fact]
    public void GivenEightSlotsThisMonth_WhenADiabetesReviewIsBooked_ThenMonthlyLimitReached()
    {
        var held = Enumerable.Range(10, 8).Select(n => A.SlotsBooked(A.Id($"b{n}"), A.PatientId, n)).ToArray();
        Appointment.Given([Review, NurseDay(1, 2, 3), A.DayScheduled([1, 2, 3, .. Enumerable.Range(10, 8)]), .. held])
            .When(Book(ReviewFrom(1))).ThenRejected(Rejection.MonthlyLimitReached);
    }

    [Fact]
    public void GivenADiabetesReview_WhenItIsCancelled_ThenEveryPartsSlotsAreFreedAndBothDaysSeeIt()
    {
        var booked = ReviewBooked();
        var cancelled = new DeciderSpec<CancelAppointmentDecider, CancelAppointment, AppointmentState, AppointmentCancelled>()
            .Given(booked).When(new CancelAppointment(A.AppointmentId, CancellationReason.Patient, A.Patient, A.Now)).ThenAccepted().Single();

        Assert.Equal(A.Describe(booked.Parts), A.Describe(cancelled.Parts));
        Assert.Contains(Tag.Day(A.ClinicianId, A.Tomorrow), EventTags.Of(cancelled));
        Appointment.Given(Review, NurseDay(1, 2, 3, 4), A.DayScheduled(1, 2, 3, 4, 5), booked, cancelled).When(Book(ReviewFrom(1))).ThenAccepted();
    }

    [Fact]
    public void GivenADiabetesReview_WhenTheNursesDayIsCancelled_ThenItLosesOnlyTheNursesPart_AndTheCliniciansTimeStaysItsOwn()
    {
        var booked = ReviewBooked();
        var dayCancelled = new DeciderSpec<CancelDayDecider, CancelDay, ClinicianDay, DayCancelled>()
            .Given(NurseDay(1, 2, 3, 4), booked).When(new CancelDay(NurseId, A.Tomorrow, "unwell", A.Receptionist, A.Now)).ThenAccepted().Single();

        Assert.Empty(dayCancelled.CancelledAppointments);
        Assert.Equal(A.Describe(new[] { new LostPart(A.AppointmentId, A.PatientId, ClinicianKind.Nurse, [NurseSlot(1), NurseSlot(2)]) }), A.Describe(dayCancelled.LostParts));
        Assert.Contains(Tag.Appointment(A.AppointmentId), EventTags.Of(dayCancelled));

        // The doctor's slots stay the visit's: nobody else can book them.
        Appointment.Given(A.DayScheduled(1, 2, 3, 4, 5), booked, dayCancelled)
            .When(new BookSlots(A.Id("next"), A.OtherPatientId, [A.Slot(3)], Actor.Patient(A.OtherPatientId), A.Now))
            .ThenRejected(Rejection.SlotAlreadyBooked);
    }

    [Fact]
    public void GivenAConsultationOfTheNursesOwn_WhenHerDayIsCancelled_ThenItIsCancelledAsEver()
    {
        var vaccination = new SlotsBooked(A.Id("vax"), A.OtherPatientId, NurseId, A.Tomorrow, [new(NurseSlot(4), A.MorningSlot(4).StartUtc)], "patient", A.Id("vaccination"));
        var dayCancelled = new DeciderSpec<CancelDayDecider, CancelDay, ClinicianDay, DayCancelled>()
            .Given(NurseDay(1, 2, 3, 4), ReviewBooked(), vaccination).When(new CancelDay(NurseId, A.Tomorrow, "unwell", A.Receptionist, A.Now)).ThenAccepted().Single();

        Assert.Equal([A.Id("vax")], dayCancelled.CancelledAppointments.Select(b => b.AppointmentId));
        Assert.Equal([A.AppointmentId], dayCancelled.LostParts!.Select(p => p.AppointmentId));
    }

    [Fact]
    public void GivenADiabetesReview_WhenItIsMovedTenMinutesLater_ThenEachPartKeepsItsOffsetInOneAppend()
    {
        var booked = ReviewBooked();
        var moved = new DeciderSpec<MoveAppointmentDecider, MoveAppointment, MoveRequest, AppointmentMoved>()
            .Given(Review, NurseDay(1, 2, 3, 4), A.DayScheduled(1, 2, 3, 4, 5), booked)
            .When(new MoveAppointment(A.AppointmentId, A.PatientId, ReviewId, ReviewFrom(2), A.Patient, A.Now, A.Tomorrow, KindOf: KindOf))
            .ThenAccepted().Single();

        Assert.Equal(A.Describe(booked.Parts), A.Describe(moved.FromParts));
        Assert.Equal(
            A.Describe(new BookedPart[] { new(ClinicianKind.Nurse, NurseId, [NurseSlot(2), NurseSlot(3)]), new(ClinicianKind.Doctor, A.ClinicianId, [A.Slot(3), A.Slot(4)]) }),
            A.Describe(moved.ToParts));
        Assert.Equal(A.MorningSlot(2).StartUtc, moved.ToSlots[0].StartUtc);
    }

    [Theory]
    [InlineData("patient", "Nurse:0:20 Doctor:10:30", Rejection.NotAllowed)] // only staff change parts
    [InlineData("reception", "Nurse:0:20 Doctor:30:20", Rejection.PartsInvalid)] // a gap
    [InlineData("reception", "Nurse:0:20 Nurse:10:20", Rejection.PartsInvalid)] // two nurses
    [InlineData("reception", "Nurse:0:20 Doctor:10:120", Rejection.PartsInvalid)] // longer than a visit may be
    public void WhenPartsAreChangedByAPatientOrIntoNoVisit_ThenNothingMoves(string by, string shape, Rejection expected) =>
        new DeciderSpec<MoveAppointmentDecider, MoveAppointment, MoveRequest, AppointmentMoved>()
            .Given(Review, NurseDay(1, 2, 3, 4), A.DayScheduled(1, 2, 3, 4, 5), ReviewBooked())
            .When(new MoveAppointment(A.AppointmentId, A.PatientId, ReviewId, [NurseSlot(1), NurseSlot(2), A.Slot(2), A.Slot(3), A.Slot(4)],
                by == "patient" ? A.Patient : A.Receptionist, A.Now, A.Tomorrow, KindOf: KindOf,
                Shape: shape.Split(' ').Select(p => p.Split(':')).Select(p => new VisitPart(Enum.Parse<ClinicianKind>(p[0]), int.Parse(p[1]), int.Parse(p[2]))).ToArray()))
            .ThenRejected(expected);

    [Fact]
    public void WhenReceptionKeepsTheClinicianTenMinutesLonger_ThenTheMoveTakesTheCliniciansNextSlotToo()
    {
        var moved = new DeciderSpec<MoveAppointmentDecider, MoveAppointment, MoveRequest, AppointmentMoved>()
            .Given(Review, NurseDay(1, 2, 3, 4), A.DayScheduled(1, 2, 3, 4, 5), ReviewBooked())
            .When(new MoveAppointment(A.AppointmentId, A.PatientId, ReviewId, [NurseSlot(1), NurseSlot(2), A.Slot(2), A.Slot(3), A.Slot(4)], A.Receptionist, A.Now,
                A.Tomorrow, KindOf: KindOf, Shape: [new(ClinicianKind.Nurse, 0, 20), new(ClinicianKind.Doctor, 10, 30)]))
            .ThenAccepted().Single();

        Assert.Equal([A.Slot(2), A.Slot(3), A.Slot(4)], moved.ToParts![1].SlotIds);
        Assert.Equal(4, moved.ToSlots.PatientSlots());
    }

    [Fact]
    public void GivenAReviewPutInRoom2_WhenReceptionChangesItsParts_ThenItStaysInRoom2_ThoughTheNursesBlockIsInTheTreatmentRoom()
    {
        var (room2, treatment) = (A.Id("room-2"), A.Id("treatment"));
        var booked = ReviewBooked();
        var inRoom2 = new AppointmentMoved(A.AppointmentId, A.PatientId, ReviewId, NurseId, A.Tomorrow, booked.Slots, NurseId, A.Tomorrow, booked.Slots, "staff",
            FromParts: booked.Parts, ToParts: booked.Parts, FromRoomId: null, ToRoomId: room2);
        var nurseInTreatment = NurseDay(1, 2, 3, 4) with { RoomId = treatment };
        IClinicEvent[] given = [Review, nurseInTreatment, A.DayScheduled(1, 2, 3, 4, 5), booked, inRoom2];
        var spec = new DeciderSpec<MoveAppointmentDecider, MoveAppointment, MoveRequest, AppointmentMoved>();

        var longer = spec.Given(given)
            .When(new MoveAppointment(A.AppointmentId, A.PatientId, ReviewId, [NurseSlot(1), NurseSlot(2), A.Slot(2), A.Slot(3), A.Slot(4)], A.Receptionist, A.Now,
                A.Tomorrow, KindOf: KindOf, Shape: [new(ClinicianKind.Nurse, 0, 20), new(ClinicianKind.Doctor, 10, 30)], RoomId: room2))
            .ThenAccepted().Single();
        Assert.Equal((room2, room2), (longer.FromRoomId, longer.ToRoomId));

        var withoutNurse = spec.Given(given)
            .When(new MoveAppointment(A.AppointmentId, A.PatientId, ReviewId, [A.Slot(2), A.Slot(3)], A.Receptionist, A.Now, A.Tomorrow, KindOf: KindOf,
                Shape: [new(ClinicianKind.Doctor, 0, 20)], RoomId: room2))
            .ThenAccepted().Single();
        Assert.Equal(room2, withoutNurse.ToRoomId);

        // Another appointment in Room 2 meanwhile is a clash, said as such, not a silent change of room.
        var colleague = A.Id("colleague");
        var colleaguesSlot = new ScheduledSlot(A.Id("cslot4"), A.MorningSlot(4).StartUtc);
        var other = new SlotsBooked(A.Id("other"), A.OtherPatientId, colleague, A.Tomorrow, [colleaguesSlot], "staff", Domain.VisitTypes.VisitType.ForSlotCount(1),
            RoomId: room2);
        spec.Given([.. given, new DayScheduled(colleague, A.Tomorrow, [colleaguesSlot]), other])
            .When(new MoveAppointment(A.AppointmentId, A.PatientId, ReviewId, [NurseSlot(1), NurseSlot(2), A.Slot(2), A.Slot(3), A.Slot(4)], A.Receptionist, A.Now,
                A.Tomorrow, KindOf: KindOf, Shape: [new(ClinicianKind.Nurse, 0, 20), new(ClinicianKind.Doctor, 10, 30)], RoomId: room2))
            .ThenRejected(Rejection.RoomAlreadyBooked);
    }

    [Fact]
    public void GivenAReviewStaffLeftWithTheClinicianAlone_WhenThePatientMovesIt_ThenItMovesAsItNowStands()
    {
        var booked = ReviewBooked();
        var withoutNurse = new AppointmentMoved(A.AppointmentId, A.PatientId, ReviewId, NurseId, A.Tomorrow, booked.Slots, A.ClinicianId, A.Tomorrow,
            [A.MorningSlot(2), A.MorningSlot(3)], "staff", FromParts: booked.Parts, ToParts: [new(ClinicianKind.Doctor, A.ClinicianId, [A.Slot(2), A.Slot(3)])]);

        var moved = new DeciderSpec<MoveAppointmentDecider, MoveAppointment, MoveRequest, AppointmentMoved>()
            .Given(Review, NurseDay(1, 2, 3, 4), A.DayScheduled(1, 2, 3, 4, 5), booked, withoutNurse)
            .When(new MoveAppointment(A.AppointmentId, A.PatientId, ReviewId, [A.Slot(4), A.Slot(5)], A.Patient, A.Now, A.Tomorrow, KindOf: KindOf))
            .ThenAccepted().Single();

        Assert.Equal([A.Slot(4), A.Slot(5)], Assert.Single(moved.ToParts!).SlotIds);
    }

    [Fact]
    public void WhenTheOwnerDefinesADiabetesReviewByItsParts_ThenItLastsFromTheFirstStartToTheLastEnd() =>
        Defining.When(new DefineVisitType(ReviewId, true, "Diabetes review", "", 0, [], [], true, "#2e7d32", Owner, A.Now,
                Parts: [ReviewParts[1], ReviewParts[0]]))
            .Then(Review with { By = Owner.Name });

    [Theory]
    [InlineData("Nurse:0:20")] // one part is not a visit of several
    [InlineData("Nurse:0:20 Nurse:10:20")] // one clinician per kind
    [InlineData("Nurse:0:10 Doctor:20:10")] // a gap: the patient waits alone
    [InlineData("Nurse:10:20 Doctor:10:20")] // nobody at the start
    [InlineData("Nurse:0:15 Doctor:10:20")] // off the 10-minute grid
    [InlineData("Nurse:0:60 Doctor:50:80")] // longer than a visit may be
    public void WhenThePartsDoNotMakeAVisit_ThenItIsRefused(string parts) =>
        Defining.When(new DefineVisitType(ReviewId, true, "Diabetes review", "", 0, [], [], true, "#2e7d32", Owner, A.Now,
                Parts: parts.Split(' ').Select(p => p.Split(':')).Select(p => new VisitPart(Enum.Parse<ClinicianKind>(p[0]), int.Parse(p[1]), int.Parse(p[2]))).ToArray()))
            .ThenRejected(parts == "Nurse:0:60 Doctor:50:80" ? Rejection.VisitTypeLengthInvalid : Rejection.VisitTypePartsInvalid);
}

/// <summary>A clinician taking back their time under a visit they share with others: only their whole part goes, and the visit goes on without it.</summary>
public class ShorteningADayUnderASharedVisitSpecs
{
    private static DeciderSpec<RemoveSlotsDecider, RemoveSlots, ClinicianDay, SlotsRemoved> Spec => new();

    private static readonly Guid NurseId = A.Id("nurse");
    private static Guid NurseSlot(int n) => A.Id($"nslot{n}");
    private static readonly Actor Nurse = Actor.Clinician(NurseId, ClinicianKind.Nurse);

    /// <summary>The nurse's 09:00–09:40, and a Diabetes review holding her 09:00–09:20 and the doctor's 09:10–09:30.</summary>
    private static readonly IClinicEvent[] NursesDay =
    [
        new DayScheduled(NurseId, A.Tomorrow, Enumerable.Range(1, 4).Select(n => new ScheduledSlot(NurseSlot(n), A.MorningSlot(n).StartUtc)).ToArray()),
        new SlotsBooked(A.AppointmentId, A.PatientId, NurseId, A.Tomorrow,
            [new(NurseSlot(1), A.MorningSlot(1).StartUtc), new(NurseSlot(2), A.MorningSlot(2).StartUtc), A.MorningSlot(2), A.MorningSlot(3)], "r",
            A.Id("diabetes"), Parts: [new(ClinicianKind.Nurse, NurseId, [NurseSlot(1), NurseSlot(2)]), new(ClinicianKind.Doctor, A.ClinicianId, [A.Slot(2), A.Slot(3)])]),
    ];

    private static RemoveSlots Remove(params int[] slots) => new(NurseId, A.Tomorrow, slots.Select(NurseSlot).ToArray(), Nurse, A.Now);

    [Fact]
    public void WhenTheNurseTakesBackHerWholePart_ThenTheSlotsGo_AndTheVisitLosesHerPart_TaggedWithTheAppointment()
    {
        var removed = Spec.Given(NursesDay).When(Remove(1, 2, 3)).ThenAccepted().Single();

        Assert.Equal([NurseSlot(1), NurseSlot(2), NurseSlot(3)], removed.SlotIds);
        Assert.Equal(A.Describe(new[] { new LostPart(A.AppointmentId, A.PatientId, ClinicianKind.Nurse, [NurseSlot(1), NurseSlot(2)]) }), A.Describe(removed.LostParts));
        Assert.Contains(Tag.Appointment(A.AppointmentId), EventTags.Of(removed));
    }

    [Fact]
    public void WhenTheNurseTakesBackHalfHerPart_ThenSlotAlreadyBooked() =>
        Spec.Given(NursesDay).When(Remove(2)).ThenRejected(Rejection.SlotAlreadyBooked);

    [Fact]
    public void WhenTheNurseTakesBackOnlyFreeTime_ThenNoVisitLosesAPart() =>
        Assert.Null(Spec.Given(NursesDay).When(Remove(3, 4)).ThenAccepted().Single().LostParts);

    [Fact]
    public void GivenHerPartWasTakenBack_ThenTheVisitIsNoLongerOnHerDay_AndCancellingTheDayCancelsNothing()
    {
        var removed = Spec.Given(NursesDay).When(Remove(1, 2)).ThenAccepted().Single();

        var cancelled = new DeciderSpec<CancelDayDecider, CancelDay, ClinicianDay, DayCancelled>().Given([.. NursesDay, removed])
            .When(new CancelDay(NurseId, A.Tomorrow, "unwell", A.Receptionist, A.Now)).ThenAccepted().Single();
        Assert.Empty(cancelled.CancelledAppointments);
        Assert.Null(cancelled.LostParts);
    }

    [Fact]
    public void GivenAConsultationOfTheNurseAlone_WhenSheTakesItsSlotBack_ThenSlotAlreadyBooked() =>
        Spec.Given(NursesDay[0], new SlotsBooked(A.Id("own"), A.PatientId, NurseId, A.Tomorrow, [new(NurseSlot(4), A.MorningSlot(4).StartUtc)], "p"))
            .When(Remove(4)).ThenRejected(Rejection.SlotAlreadyBooked);
}

public class VisitPartProblemsTests
{
    [Fact]
    public void EachPartThatKeepsThePartsFromMakingAVisitIsToldWhy_ByItsPlace()
    {
        Assert.Empty(VisitPart.Problems([new(ClinicianKind.Nurse, 0, 20), new(ClinicianKind.Doctor, 10, 20)]));

        var gap = VisitPart.Problems([new(ClinicianKind.Nurse, 0, 20), new(ClinicianKind.Doctor, 30, 20)]);
        Assert.Equal([1], gap.Keys);
        Assert.Contains("starts at minute 30, but the parts before it end at minute 20", gap[1]);

        var twice = VisitPart.Problems([new(ClinicianKind.Doctor, 0, 20), new(ClinicianKind.Doctor, 10, 20)]);
        Assert.Equal([1], twice.Keys);
        Assert.Contains("already this kind of clinician's", twice[1]);

        var late = VisitPart.Problems([new(ClinicianKind.Nurse, 10, 20), new(ClinicianKind.Doctor, 20, 110)]);
        Assert.Contains("starts at minute 0", late[0]);
        Assert.Contains("at most 120 minutes", late[1]);
    }
}
