using ClinicPortal.Domain;
using ClinicPortal.Domain.Booking;
using ClinicPortal.Domain.EventStore;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Domain.VisitTypes;
using ClinicPortal.Tests.Unit.Support;

namespace ClinicPortal.Tests.Unit.Rooms;

/// <summary>
/// An appointment holds its room from its first part's start to its last part's end, though a part may be with a
/// clinician in no room: no other appointment is in that room meanwhile, unless staff override the clash with a reason.
/// The morning: the nurse is in the treatment room 09:00–09:20, the other doctor there 09:20–10:00, the doctor in no room.
/// A Diabetes review at 09:00 (the nurse 09:00–09:20, the doctor 09:10–09:30) holds the room until 09:30.
/// </summary>
public class AppointmentRoomSpecs
{
    private static DeciderSpec<BookSlotsDecider, BookSlots, AppointmentToBook, SlotsBooked> Appointment => new();
    private static DeciderSpec<MoveAppointmentDecider, MoveAppointment, MoveRequest, AppointmentMoved> Moving => new();

    private static readonly Guid Room = DefineRoomSpecs.TreatmentId;
    private static readonly Guid NurseId = A.Id("nurse");
    private static readonly Guid ReviewId = A.Id("diabetes");
    private static readonly Guid ReviewAppointment = A.Id("review");
    private static readonly Guid Consultation = VisitType.ForSlotCount(1);

    private static readonly VisitTypeDefined Review = new(ReviewId, "Diabetes review", "", 30, [ClinicianKind.Nurse, ClinicianKind.Doctor], [], true,
        "#2e7d32", "owner", Parts: [new(ClinicianKind.Nurse, 0, 20), new(ClinicianKind.Doctor, 10, 20)]);

    private static ClinicianKind? KindOf(Guid clinician) => clinician == NurseId ? ClinicianKind.Nurse : ClinicianKind.Doctor;

    private static Guid NurseSlot(int n) => A.Id($"nslot{n}");
    private static Guid OtherCliniciansSlot(int n) => A.Id($"oslot{n}");
    private static ScheduledSlot At(Guid slot, int n) => new(slot, A.MorningSlot(n).StartUtc);

    /// <summary>The day (the review's definition aside: a spec folds every event it is given, so a consultation's decision is given none).</summary>
    private static readonly IClinicEvent[] Morning =
    [
        DefineRoomSpecs.Treatment,
        new DayScheduled(NurseId, A.Tomorrow, [At(NurseSlot(1), 1), At(NurseSlot(2), 2)], RoomId: Room),
        new DayScheduled(A.OtherClinicianId, A.Tomorrow, Enumerable.Range(3, 4).Select(n => At(OtherCliniciansSlot(n), n)).ToArray(), RoomId: Room),
        A.DayScheduled(1, 2, 3, 4, 5, 6),
    ];

    private static BookSlots BookReview(Actor? by = null) =>
        new(ReviewAppointment, A.PatientId, [NurseSlot(1), NurseSlot(2), A.Slot(2), A.Slot(3)], by ?? A.Receptionist, A.Now, A.Tomorrow, ReviewId,
            KindOf: KindOf, RoomId: Room);

    private static SlotsBooked ReviewBooked => Appointment.Given([Review, .. Morning]).When(BookReview()).ThenAccepted().Single();

    /// <summary>Another patient's consultation with the other doctor, in the treatment room.</summary>
    private static BookSlots BookOtherClinician(int slot, string? overrideReason = null, Guid? roomId = null) =>
        new(A.Id("consultation"), A.OtherPatientId, [OtherCliniciansSlot(slot)], A.Receptionist, A.Now, A.Tomorrow, KindOf: KindOf,
            OverrideReason: overrideReason, RoomId: roomId ?? Room);

    [Fact]
    public void WhenADiabetesReviewIsBookedWithTheNurseInTheRoom_ThenItHoldsTheRoom_TaggedWithTheRoomsDay()
    {
        var booked = ReviewBooked;

        Assert.Equal(Room, booked.RoomId);
        Assert.Contains(Tag.RoomDay(Room, A.Tomorrow), EventTags.Of(booked));
    }

    [Fact]
    public void GivenTheReviewHoldsTheRoomUntil0930_WhenTheOtherCliniciansPatientIsBookedThereAt0920_ThenRoomAlreadyBooked() =>
        Appointment.Given([.. Morning, ReviewBooked]).When(BookOtherClinician(3)).ThenRejected(Rejection.RoomAlreadyBooked);

    [Fact]
    public void GivenTheReviewHoldsTheRoomUntil0930_WhenTheOtherCliniciansPatientIsBookedThereAt0930_ThenItIsBookedInTheRoom() =>
        Assert.Equal(Room, Appointment.Given([.. Morning, ReviewBooked]).When(BookOtherClinician(4)).ThenAccepted().Single().RoomId);

    [Fact]
    public void GivenTheReviewHoldsTheRoom_WhenStaffBookOverItWithAReason_ThenItIsBookedWithTheOverride()
    {
        var booked = Appointment.Given([.. Morning, ReviewBooked]).When(BookOtherClinician(3, "Only a quick dressing")).ThenAccepted().Single();

        Assert.Equal("Only a quick dressing", booked.OverrideReason);
        Assert.Equal(Room, booked.RoomId);
    }

    [Fact]
    public void GivenTheReviewHoldsTheRoom_WhenAPatientAsksToOverride_ThenNotAllowed() =>
        Appointment.Given([.. Morning, ReviewBooked])
            .When(BookOtherClinician(3, "Please") with { By = Actor.Patient(A.OtherPatientId) })
            .ThenRejected(Rejection.NotAllowed);

    [Fact]
    public void GivenTheReviewWasCancelled_WhenTheOtherCliniciansPatientIsBookedThereAt0920_ThenTheRoomIsFreeAgain()
    {
        var review = ReviewBooked;
        var cancelled = new AppointmentCancelled(ReviewAppointment, A.PatientId, NurseId, A.Tomorrow, review.Slots, CancellationReason.Staff, "r", review.Parts, Room);

        Appointment.Given([.. Morning, review, cancelled]).When(BookOtherClinician(3)).ThenAccepted();
    }

    [Fact]
    public void WhenTheCallerNamedNoRoomOrAnotherForSlotsInTheRoom_ThenConflict_ForTheRoomsAppointmentsWereNotRead()
    {
        Appointment.Given([.. Morning, ReviewBooked]).When(BookOtherClinician(4) with { RoomId = null }).ThenRejected(Rejection.Conflict);
        Appointment.Given([.. Morning, ReviewBooked]).When(BookOtherClinician(4, roomId: A.Id("room-2"))).ThenRejected(Rejection.Conflict);
    }

    [Fact]
    public void TheQueryOfAnAppointmentInARoomReadsTheRoomsAppointmentsThatDay_AndOfOneInNoneDoesNot()
    {
        Assert.True(BookSlotsDecider.QueryFor(BookOtherClinician(3)).Matches(EventTypes.NameOf<SlotsBooked>(), [Tag.RoomDay(Room, A.Tomorrow)]));
        Assert.False(BookSlotsDecider.QueryFor(BookOtherClinician(3) with { RoomId = null })
            .Matches(EventTypes.NameOf<SlotsBooked>(), [Tag.RoomDay(Room, A.Tomorrow)]));
    }

    [Fact]
    public void GivenAConsultationInTheRoomAt0940_WhenItMovesInto0920_ThenRoomAlreadyBooked_AndWithAReasonItMovesWithTheOverride()
    {
        var consultation = BookOtherClinician(5);
        var booked = Appointment.Given([.. Morning, ReviewBooked]).When(consultation).ThenAccepted().Single();
        var move = new MoveAppointment(consultation.AppointmentId, A.OtherPatientId, Consultation, [OtherCliniciansSlot(3)], A.Receptionist, A.Now, A.Tomorrow,
            KindOf, RoomId: Room);

        Moving.Given([.. Morning, ReviewBooked, booked]).When(move).ThenRejected(Rejection.RoomAlreadyBooked);
        var moved = Moving.Given([.. Morning, ReviewBooked, booked]).When(move with { OverrideReason = "Patient is early" }).ThenAccepted().Single();
        Assert.Equal(("Patient is early", Room, Room), (moved.OverrideReason, moved.FromRoomId, moved.ToRoomId));
        Assert.Contains(Tag.RoomDay(Room, A.Tomorrow), EventTags.Of(moved));
    }

    [Fact]
    public void GivenTheReviewInTheRoom_WhenItMovesTenMinutesLaterOverItsOwnTime_ThenItIsMoved_ForItsOwnTimeIsNoClash()
    {
        // The review's own room time does not stand in its way: a double consultation in the room moved onto half its own time.
        var consultation = new BookSlots(A.Id("long"), A.OtherPatientId, [OtherCliniciansSlot(4), OtherCliniciansSlot(5)], A.Receptionist, A.Now, A.Tomorrow,
            KindOf: KindOf, RoomId: Room);
        var booked = Appointment.Given(Morning).When(consultation).ThenAccepted().Single();
        var move = new MoveAppointment(consultation.AppointmentId, A.OtherPatientId, VisitType.ForSlotCount(2), [OtherCliniciansSlot(5), OtherCliniciansSlot(6)],
            A.Receptionist, A.Now, A.Tomorrow, KindOf, RoomId: Room);

        var moved = Moving.Given([.. Morning, booked]).When(move).ThenAccepted().Single();

        Assert.Null(moved.OverrideReason);
    }

    [Fact]
    public void GivenAnAppointmentInTheRoomLoggedBeforeAppointmentsHeldTheirRoom_ThenItHoldsNoRoomTimeBeyondItsSlots()
    {
        // A booking logged before names no room and has no room-day tag: it took the time of its slots, which its block's room held.
        var old = new SlotsBooked(A.Id("old"), A.PatientId, A.OtherClinicianId, A.Tomorrow, [At(OtherCliniciansSlot(3), 3)], "p", Consultation);

        Assert.DoesNotContain(EventTags.Of(old), tag => tag == Tag.RoomDay(Room, A.Tomorrow));
        Appointment.Given([.. Morning, old]).When(BookOtherClinician(4)).ThenAccepted();
    }
}
