using ClinicPortal.Domain;
using ClinicPortal.Domain.Booking;
using ClinicPortal.Domain.EventStore;
using ClinicPortal.Domain.Rooms;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Domain.VisitTypes;
using ClinicPortal.Tests.Unit.Support;

namespace ClinicPortal.Tests.Unit.Rooms;

public class DefineRoomSpecs
{
    private static DeciderSpec<DefineRoomDecider, DefineRoom, RoomList, RoomDefined> Spec => new();

    internal static readonly Actor Owner = Actor.Admin(A.Id("owner"));
    internal static readonly Guid TreatmentId = A.Id("treatment-room");
    internal static readonly RoomDefined Treatment = new(TreatmentId, "Treatment room", ["treatment"], true, "owner");

    private static DefineRoom Define(string name, string[]? features = null, bool isNew = true, Actor? by = null, Guid? id = null) =>
        new(id ?? TreatmentId, isNew, name, features ?? [], true, by ?? Owner, A.Now);

    [Fact]
    public void WhenTheOwnerAddsARoom_ThenItIsDefined_ItsNameTrimmedAndItsFeaturesKeptOnceInLowerCase() =>
        Spec.When(Define(" Treatment room ", ["Treatment", " step-free ", "treatment", ""]))
            .Then(new RoomDefined(TreatmentId, "Treatment room", ["treatment", "step-free"], true, Owner.Name));

    [Fact]
    public void WhenSomeoneElseAddsARoom_ThenNotAllowed() =>
        Spec.When(Define("Room 1", by: A.Receptionist)).ThenRejected(Rejection.NotAllowed);

    [Fact]
    public void WhenARoomHasNoName_ThenRoomNameRequired() =>
        Spec.When(Define("   ")).ThenRejected(Rejection.RoomNameRequired);

    [Fact]
    public void WhenARoomsNameIsTooLong_ThenRoomNameRequired() =>
        Spec.When(Define(new string('x', Room.MaxNameLength + 1))).ThenRejected(Rejection.RoomNameRequired);

    [Fact]
    public void GivenATreatmentRoom_WhenAnotherRoomTakesItsNameInOtherLetters_ThenRoomNameTaken() =>
        Spec.Given(Treatment).When(Define("TREATMENT ROOM", id: A.Id("other"))).ThenRejected(Rejection.RoomNameTaken);

    [Fact]
    public void WhenARoomHasTooManyFeaturesOrALongOne_ThenRoomFeaturesInvalid()
    {
        Spec.When(Define("Room 1", Enumerable.Range(1, Room.MaxFeatures + 1).Select(n => $"f{n}").ToArray())).ThenRejected(Rejection.RoomFeaturesInvalid);
        Spec.When(Define("Room 1", [new string('f', Room.MaxFeatureLength + 1)])).ThenRejected(Rejection.RoomFeaturesInvalid);
    }

    [Fact]
    public void WhenARoomThatWasNeverAddedIsChanged_ThenRoomNotFound() =>
        Spec.When(Define("Room 1", isNew: false)).ThenRejected(Rejection.RoomNotFound);

    [Fact]
    public void GivenATreatmentRoom_WhenTheOwnerTakesItOutOfUse_ThenItIsDefinedOutOfUse() =>
        Spec.Given(Treatment).When(Define("Treatment room", ["treatment"], isNew: false) with { InUse = false })
            .Then(new RoomDefined(TreatmentId, "Treatment room", ["treatment"], false, Owner.Name));

    [Fact]
    public void GivenATreatmentRoom_WhenItIsAddedAgainUnderItsId_ThenConflict() =>
        Spec.Given(Treatment).When(Define("Another")).ThenRejected(Rejection.Conflict);
}

public class BlocksInRoomsSpecs
{
    private static DeciderSpec<ScheduleDayDecider, ScheduleDay, DayToSchedule, DayScheduled> Spec => new();

    private static readonly Guid Room = DefineRoomSpecs.TreatmentId;
    private static readonly Guid OtherRoom = A.Id("room-2");
    private static readonly RoomDefined SecondRoom = new(OtherRoom, "Room 2", [], true, "owner");

    private static ScheduleDay Schedule(Guid doctorId, int fromHour, int toHour, Guid? room, int firstSlot = 100)
    {
        var n = firstSlot;
        return new ScheduleDay(doctorId, A.Tomorrow, [new BlockOfTime(new(fromHour, 0), new(toHour, 0), RoomId: room)], A.London,
            () => A.Slot(++n), Actor.Doctor(doctorId), A.Now);
    }

    /// <summary>The other doctor's 09:00–10:00 in the treatment room.</summary>
    private static readonly DayScheduled OtherClinicianInTheRoom =
        new(A.OtherClinicianId, A.Tomorrow, Enumerable.Range(1, 6).Select(n => A.MorningSlot(n)).ToArray(), RoomId: Room);

    [Fact]
    public void GivenARoom_WhenAClinicianSchedulesABlockInIt_ThenTheSlotsAreInThatRoom_TaggedWithTheRoomsDay()
    {
        var scheduled = Assert.Single(Spec.Given(DefineRoomSpecs.Treatment).When(Schedule(A.ClinicianId, 9, 10, Room)).ThenAccepted());

        Assert.Equal(Room, scheduled.RoomId);
        Assert.Equal(6, scheduled.Slots.Count);
        Assert.Contains(Tag.RoomDay(Room, A.Tomorrow), EventTags.Of(scheduled));
    }

    [Fact]
    public void GivenAnotherClinicianInTheRoomFromNineToTen_WhenAClinicianSchedulesHalfPastNineThere_ThenRoomInUse() =>
        Spec.Given(DefineRoomSpecs.Treatment, OtherClinicianInTheRoom).When(Schedule(A.ClinicianId, 9, 11, Room) with
            {
                Blocks = [new BlockOfTime(new(9, 30), new(11, 0), RoomId: Room)],
            })
            .ThenRejected(Rejection.RoomInUse);

    [Fact]
    public void GivenAnotherClinicianInTheRoomFromNineToTen_WhenAClinicianSchedulesTheRoomFromTen_ThenItIsAccepted() =>
        Spec.Given(DefineRoomSpecs.Treatment, OtherClinicianInTheRoom).When(Schedule(A.ClinicianId, 10, 11, Room)).ThenAccepted();

    [Fact]
    public void GivenAnotherClinicianInTheRoom_WhenAClinicianSchedulesTheSameTimeInAnotherRoomOrInNone_ThenItIsAccepted()
    {
        Spec.Given(DefineRoomSpecs.Treatment, SecondRoom, OtherClinicianInTheRoom).When(Schedule(A.ClinicianId, 9, 10, OtherRoom)).ThenAccepted();
        Spec.Given(DefineRoomSpecs.Treatment, OtherClinicianInTheRoom).When(Schedule(A.ClinicianId, 9, 10, null)).ThenAccepted();
    }

    [Fact]
    public void GivenTheOtherCliniciansTimeInTheRoomWasRemoved_WhenAClinicianSchedulesIt_ThenItIsAccepted() =>
        Spec.Given(DefineRoomSpecs.Treatment, OtherClinicianInTheRoom,
                new SlotsRemoved(A.OtherClinicianId, A.Tomorrow, Enumerable.Range(1, 6).Select(A.Slot).ToArray(), [Room]))
            .When(Schedule(A.ClinicianId, 9, 10, Room)).ThenAccepted();

    [Fact]
    public void GivenTheOtherCliniciansDayInTheRoomWasCancelled_WhenAClinicianSchedulesIt_ThenItIsAccepted() =>
        Spec.Given(DefineRoomSpecs.Treatment, OtherClinicianInTheRoom,
                new DayCancelled(A.OtherClinicianId, A.Tomorrow, "Ill", Enumerable.Range(1, 6).Select(A.Slot).ToArray(), [], "r", [Room]))
            .When(Schedule(A.ClinicianId, 9, 10, Room)).ThenAccepted();

    [Fact]
    public void GivenTheOtherClinicianCancelledTheirDay_TheCliniciansOwnDayIsNotCancelledByIt() =>
        Spec.Given(DefineRoomSpecs.Treatment, OtherClinicianInTheRoom,
                new DayCancelled(A.OtherClinicianId, A.Tomorrow, "Ill", Enumerable.Range(1, 6).Select(A.Slot).ToArray(), [], "r", [Room]))
            .When(Schedule(A.ClinicianId, 11, 12, Room)).ThenAccepted();

    [Fact]
    public void WhenABlockNamesARoomThePracticeDoesNotHave_ThenRoomNotFound() =>
        Spec.When(Schedule(A.ClinicianId, 9, 10, A.Id("no-such-room"))).ThenRejected(Rejection.RoomNotFound);

    [Fact]
    public void GivenARoomOutOfUse_WhenABlockNamesIt_ThenRoomOutOfUse() =>
        Spec.Given(DefineRoomSpecs.Treatment with { InUse = false }).When(Schedule(A.ClinicianId, 9, 10, Room)).ThenRejected(Rejection.RoomOutOfUse);

    [Fact]
    public void WhenADayHasBlocksInTwoRooms_ThenEachRoomsTimeIsLoggedApart()
    {
        var n = 0;
        var events = Spec.Given(DefineRoomSpecs.Treatment, SecondRoom).When(new ScheduleDay(A.ClinicianId, A.Tomorrow,
            [new BlockOfTime(new(9, 0), new(9, 30), RoomId: Room), new BlockOfTime(new(10, 0), new(10, 20), RoomId: OtherRoom)],
            A.London, () => A.Slot(++n), A.Clinician, A.Now)).ThenAccepted();

        Assert.Equal([(Room, 3), (OtherRoom, 2)], events.Select(e => (e.RoomId!.Value, e.Slots.Count)).OrderBy(p => p.Item2 == 2));
    }

    [Fact]
    public void TheQueryOfABlockInARoomReadsTheRoomsDayAndTheRooms_AndOfABlockInNoneOnlyTheDay()
    {
        var inRoom = ScheduleDayDecider.QueryFor(Schedule(A.ClinicianId, 9, 10, Room));
        Assert.True(inRoom.Matches(EventTypes.NameOf<DayScheduled>(), [Tag.RoomDay(Room, A.Tomorrow)]));
        Assert.True(inRoom.Matches(EventTypes.NameOf<RoomDefined>(), [Tag.Rooms, Tag.Room(Room)]));
        var inNone = ScheduleDayDecider.QueryFor(Schedule(A.ClinicianId, 9, 10, null));
        Assert.False(inNone.Matches(EventTypes.NameOf<DayScheduled>(), [Tag.RoomDay(Room, A.Tomorrow)]));
    }
}

public class GivingBackARoomsTimeSpecs
{
    private static readonly Guid Room = DefineRoomSpecs.TreatmentId;

    [Fact]
    public void RemovingSlotsInARoomNamesTheRoom_SoThatItsTimeIsGivenBack()
    {
        var removed = new DeciderSpec<RemoveSlotsDecider, RemoveSlots, ClinicianDay, SlotsRemoved>()
            .Given(A.DayScheduled(1, 2) with { RoomId = Room }, A.DayScheduled(3))
            .When(new RemoveSlots(A.ClinicianId, A.Tomorrow, [A.Slot(1), A.Slot(3)], A.Clinician, A.Now)).ThenAccepted().Single();

        Assert.Equal([Room], removed.RoomIds!);
        Assert.Contains(Tag.RoomDay(Room, A.Tomorrow), EventTags.Of(removed));
    }

    [Fact]
    public void RemovingSlotsInNoRoomNamesNone() =>
        Assert.Null(new DeciderSpec<RemoveSlotsDecider, RemoveSlots, ClinicianDay, SlotsRemoved>()
            .Given(A.DayScheduled(1, 2))
            .When(new RemoveSlots(A.ClinicianId, A.Tomorrow, [A.Slot(1)], A.Clinician, A.Now)).ThenAccepted().Single().RoomIds);

    [Fact]
    public void CancellingADayInARoomNamesTheRoom()
    {
        var cancelled = new DeciderSpec<CancelDayDecider, CancelDay, ClinicianDay, DayCancelled>()
            .Given(A.DayScheduled(1, 2) with { RoomId = Room })
            .When(new CancelDay(A.ClinicianId, A.Tomorrow, "Ill", A.Receptionist, A.Now)).ThenAccepted().Single();

        Assert.Equal([Room], cancelled.RoomIds!);
        Assert.Contains(Tag.RoomDay(Room, A.Tomorrow), EventTags.Of(cancelled));
    }
}

public class VisitsNeedingARoomFeatureSpecs
{
    private static DeciderSpec<BookSlotsDecider, BookSlots, AppointmentToBook, SlotsBooked> Spec => new();

    private static readonly Guid ProcedureId = A.Id("procedure");
    private static readonly VisitTypeDefined Procedure =
        new(ProcedureId, "Minor procedure", "", 20, [ClinicianKind.Doctor], [], true, "#5d4037", "owner", "treatment");

    private static readonly Room TreatmentRoom = Room.From(DefineRoomSpecs.Treatment);
    private static readonly Room PlainRoom = new(A.Id("room-2"), "Room 2", [], true);

    private static BookSlots Book(params int[] slots) =>
        new(A.AppointmentId, A.PatientId, slots.Select(A.Slot).ToArray(), A.Patient, A.Now, VisitTypeId: ProcedureId,
            RoomOf: id => new[] { TreatmentRoom, PlainRoom }.FirstOrDefault(r => r.Id == id));

    [Fact]
    public void GivenTimeInATreatmentRoom_WhenAProcedureIsBookedThere_ThenItIsBooked() =>
        Spec.Given(Procedure, A.DayScheduled(1, 2) with { RoomId = TreatmentRoom.Id }).When(Book(1, 2)).ThenAccepted();

    [Fact]
    public void GivenTimeInARoomWithoutTheFeature_WhenAProcedureIsBookedThere_ThenRoomLacksFeature() =>
        Spec.Given(Procedure, A.DayScheduled(1, 2) with { RoomId = PlainRoom.Id }).When(Book(1, 2)).ThenRejected(Rejection.RoomLacksFeature);

    [Fact]
    public void GivenTimeInNoRoom_WhenAProcedureIsBookedThere_ThenRoomLacksFeature() =>
        Spec.Given(Procedure, A.DayScheduled(1, 2)).When(Book(1, 2)).ThenRejected(Rejection.RoomLacksFeature);

    [Fact]
    public void GivenTheTreatmentRoomWasTakenOutOfUse_WhenAProcedureIsBookedThere_ThenRoomLacksFeature() =>
        Spec.Given(Procedure, A.DayScheduled(1, 2) with { RoomId = TreatmentRoom.Id })
            .When(Book(1, 2) with { RoomOf = _ => TreatmentRoom with { InUse = false } }).ThenRejected(Rejection.RoomLacksFeature);

    [Fact]
    public void GivenAdjacentSlotsInTwoRooms_WhenOneVisitTakesBoth_ThenSlotsNotFreeForService() =>
        Spec.Given(A.DayScheduled(1) with { RoomId = TreatmentRoom.Id }, A.DayScheduled(2) with { RoomId = PlainRoom.Id })
            .When(new BookSlots(A.AppointmentId, A.PatientId, [A.Slot(1), A.Slot(2)], A.Patient, A.Now))
            .ThenRejected(Rejection.SlotsNotFreeForVisitType);

    [Fact]
    public void GivenTimeInAPlainRoom_WhenAConsultationIsBookedThere_ThenItIsBooked_ForAVisitNeedingNoFeatureFitsAnywhere() =>
        Spec.Given(A.DayScheduled(1) with { RoomId = PlainRoom.Id })
            .When(new BookSlots(A.AppointmentId, A.PatientId, [A.Slot(1)], A.Patient, A.Now)).ThenAccepted();
}
