using ClinicPortal.Domain;
using ClinicPortal.Domain.Booking;
using ClinicPortal.Domain.EventStore;
using ClinicPortal.Domain.Rooms;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Domain.VisitTypes;
using ClinicPortal.Tests.Unit.Support;

namespace ClinicPortal.Tests.Unit.Rooms;

/// <summary>
/// Staff put an appointment in another room at the same time with the same clinicians: a room in use, with what the visit
/// needs, no other clinician's time in it then, and no other appointment in it then unless they say why. The doctor's
/// morning is in the treatment room; the patient is booked at 09:00.
/// </summary>
public class ChangeRoomSpecs
{
    private static DeciderSpec<ChangeRoomDecider, ChangeRoom, RoomChangeRequest, AppointmentMoved> Spec => new();
    private static DeciderSpec<MoveAppointmentDecider, MoveAppointment, MoveRequest, AppointmentMoved> Moving => new();

    private static readonly Guid Treatment = DefineRoomSpecs.TreatmentId;
    private static readonly Guid Quiet = A.Id("quiet-room");
    private static readonly Guid Closed = A.Id("closed-room");
    private static readonly Guid Consultation = VisitType.ForSlotCount(1);
    private static readonly Guid OtherAppointment = A.Id("other-booking");

    private static Guid OtherCliniciansSlot(int n) => A.Id($"oslot{n}");

    private static readonly IClinicEvent[] Morning =
    [
        DefineRoomSpecs.Treatment,
        new RoomDefined(Quiet, "Quiet room", ["step-free"], true, "owner"),
        new RoomDefined(Closed, "Closed room", [], false, "owner"),
        A.DayScheduled(1, 2, 3) with { RoomId = Treatment },
        A.SlotsBooked(A.AppointmentId, A.PatientId, 1) with { RoomId = Treatment },
    ];

    private static ChangeRoom To(Guid room, Actor? by = null, string? overrideReason = null, Guid? visitType = null) =>
        new(A.AppointmentId, A.PatientId, visitType ?? Consultation, A.Tomorrow, room, by ?? A.Receptionist, A.Now, overrideReason);

    private static AppointmentMoved Moved(Guid from, Guid to, string? overrideReason = null) =>
        new(A.AppointmentId, A.PatientId, Consultation, A.ClinicianId, A.Tomorrow, [A.MorningSlot(1)], A.ClinicianId, A.Tomorrow, [A.MorningSlot(1)],
            A.Receptionist.Name, overrideReason, FromRoomId: from, ToRoomId: to);

    /// <summary>The other doctor's 09:00 in no room, their patient's appointment put in the quiet room.</summary>
    private static readonly IClinicEvent[] OtherAppointmentInTheQuietRoom =
    [
        new DayScheduled(A.OtherClinicianId, A.Tomorrow, [new ScheduledSlot(OtherCliniciansSlot(1), A.MorningSlot(1).StartUtc)]),
        new SlotsBooked(OtherAppointment, A.OtherPatientId, A.OtherClinicianId, A.Tomorrow, [new ScheduledSlot(OtherCliniciansSlot(1), A.MorningSlot(1).StartUtc)], "p", Consultation),
        new AppointmentMoved(OtherAppointment, A.OtherPatientId, Consultation, A.OtherClinicianId, A.Tomorrow, [new ScheduledSlot(OtherCliniciansSlot(1), A.MorningSlot(1).StartUtc)],
            A.OtherClinicianId, A.Tomorrow, [new ScheduledSlot(OtherCliniciansSlot(1), A.MorningSlot(1).StartUtc)], "r", ToRoomId: Quiet),
    ];

    [Fact]
    public void WhenStaffPutTheAppointmentInTheQuietRoom_ThenItMovesThereAtTheSameTime_TaggedWithBothRoomsDays()
    {
        var moved = Spec.Given(Morning).When(To(Quiet)).ThenAccepted().Single();
        Assert.Equal(A.Describe(Moved(Treatment, Quiet)), A.Describe(moved));
        Assert.True(moved.IsRoomChange);
        Assert.False(moved.IsReassignment);
        Assert.Contains(Tag.RoomDay(Treatment, A.Tomorrow), EventTags.Of(moved));
        Assert.Contains(Tag.RoomDay(Quiet, A.Tomorrow), EventTags.Of(moved));
    }

    [Fact]
    public void WhenAPatientAsks_ThenNotAllowed() =>
        Spec.Given(Morning).When(To(Quiet, Actor.Patient(A.PatientId))).ThenRejected(Rejection.NotAllowed);

    [Fact]
    public void WhenTheRoomIsTheOneItIsIn_ThenAlreadyInThatRoom() =>
        Spec.Given(Morning).When(To(Treatment)).ThenRejected(Rejection.AlreadyInThatRoom);

    [Fact]
    public void WhenTheRoomIsUnknown_ThenRoomNotFound_AndWhenItIsOutOfUse_ThenRoomOutOfUse()
    {
        Spec.Given(Morning).When(To(A.Id("nowhere"))).ThenRejected(Rejection.RoomNotFound);
        Spec.Given(Morning).When(To(Closed)).ThenRejected(Rejection.RoomOutOfUse);
    }

    [Fact]
    public void GivenAVisitNeedingATreatmentRoom_WhenStaffPutItInTheQuietRoom_ThenRoomLacksFeature()
    {
        var procedure = A.Id("procedure");
        var defined = new VisitTypeDefined(procedure, "Minor procedure", "", 10, [ClinicianKind.Doctor], [], true, "#6a1b9a", "owner", RoomFeature: "treatment");
        Spec.Given([defined, .. Morning[..4], A.SlotsBooked(A.AppointmentId, A.PatientId, 1) with { RoomId = Treatment, VisitTypeId = procedure }])
            .When(To(Quiet, visitType: procedure)).ThenRejected(Rejection.RoomLacksFeature);
    }

    [Fact]
    public void GivenAnotherCliniciansTimeInTheQuietRoom_WhenStaffPutTheAppointmentThere_ThenRoomInUse() =>
        Spec.Given([.. Morning, new DayScheduled(A.OtherClinicianId, A.Tomorrow, [new ScheduledSlot(OtherCliniciansSlot(1), A.MorningSlot(1).StartUtc)], RoomId: Quiet)])
            .When(To(Quiet)).ThenRejected(Rejection.RoomInUse);

    [Fact]
    public void GivenAnotherCliniciansTimeInTheQuietRoomLater_WhenStaffPutThe0900AppointmentThere_ThenItMoves() =>
        Spec.Given([.. Morning, new DayScheduled(A.OtherClinicianId, A.Tomorrow, [new ScheduledSlot(OtherCliniciansSlot(2), A.MorningSlot(2).StartUtc)], RoomId: Quiet)])
            .When(To(Quiet)).Then(Moved(Treatment, Quiet));

    [Fact]
    public void GivenAnotherAppointmentInTheQuietRoomThen_WhenStaffPutThisOneThere_ThenRoomAlreadyBooked_UnlessTheySayWhy()
    {
        Spec.Given([.. Morning, .. OtherAppointmentInTheQuietRoom]).When(To(Quiet)).ThenRejected(Rejection.RoomAlreadyBooked);
        Spec.Given([.. Morning, .. OtherAppointmentInTheQuietRoom]).When(To(Quiet, overrideReason: "  Both need the step-free room ")).Then(Moved(Treatment, Quiet, "Both need the step-free room") with { Overrode = Clash.Room });
        Spec.Given([.. Morning, .. OtherAppointmentInTheQuietRoom]).When(To(Quiet, overrideReason: "  ")).ThenRejected(Rejection.OverrideReasonRequired);
    }

    [Fact]
    public void GivenNoClash_WhenStaffGiveAReason_ThenItMovesWithNoOverride() =>
        Spec.Given(Morning).When(To(Quiet, overrideReason: "Just in case")).Then(Moved(Treatment, Quiet));

    [Fact]
    public void GivenTheAppointmentHasStarted_ThenAppointmentInPast_AndGivenItWasCancelled_ThenAppointmentAlreadyCancelled()
    {
        Spec.Given(Morning).When(To(Quiet) with { Now = A.MorningSlot(1).StartUtc }).ThenRejected(Rejection.AppointmentInPast);
        Spec.Given([.. Morning, new AppointmentCancelled(A.AppointmentId, A.PatientId, A.ClinicianId, A.Tomorrow, [A.MorningSlot(1)], CancellationReason.Staff, "r", RoomId: Treatment)])
            .When(To(Quiet)).ThenRejected(Rejection.AppointmentAlreadyCancelled);
    }

    [Fact]
    public void GivenTheAppointmentWasPutInTheQuietRoom_WhenAnotherIsPutThereThen_ThenRoomAlreadyBooked_AndTheTreatmentRoomIsStillTheCliniciansTime()
    {
        IClinicEvent[] given =
        [
            .. Morning, Moved(Treatment, Quiet),
            new DayScheduled(A.OtherClinicianId, A.Tomorrow, [new ScheduledSlot(OtherCliniciansSlot(1), A.MorningSlot(1).StartUtc)]),
        ];
        // Another doctor's patient at 09:00, their appointment asked in the quiet room (as a room change would): refused.
        Spec.Given([.. given, new SlotsBooked(OtherAppointment, A.OtherPatientId, A.OtherClinicianId, A.Tomorrow, [new ScheduledSlot(OtherCliniciansSlot(1), A.MorningSlot(1).StartUtc)], "p", Consultation)])
            .When(new ChangeRoom(OtherAppointment, A.OtherPatientId, Consultation, A.Tomorrow, Quiet, A.Receptionist, A.Now)).ThenRejected(Rejection.RoomAlreadyBooked);
        Spec.Given([.. given, new SlotsBooked(OtherAppointment, A.OtherPatientId, A.OtherClinicianId, A.Tomorrow, [new ScheduledSlot(OtherCliniciansSlot(1), A.MorningSlot(1).StartUtc)], "p", Consultation)])
            .When(new ChangeRoom(OtherAppointment, A.OtherPatientId, Consultation, A.Tomorrow, Treatment, A.Receptionist, A.Now)).ThenRejected(Rejection.RoomInUse); // the doctor's block is there
    }

    [Fact]
    public void GivenTheAppointmentWasPutInTheQuietRoom_WhenItIsMovedTo0910_ThenItTakesTheTreatmentRoomOfTheNewTimeAgain()
    {
        var moved = Moving.Given([.. Morning, Moved(Treatment, Quiet)])
            .When(new MoveAppointment(A.AppointmentId, A.PatientId, Consultation, [A.Slot(2)], A.Receptionist, A.Now, A.Tomorrow, RoomId: Treatment))
            .ThenAccepted().Single();
        Assert.Equal((Quiet, Treatment), (moved.FromRoomId, moved.ToRoomId));
    }

    [Fact]
    public void TheDecisionReadsTheAppointment_TheRooms_TheRoomsDay_AndTheVisitType()
    {
        var query = ChangeRoomDecider.QueryFor(To(Quiet));
        Assert.Contains(query.Items, item => item.Tags.SequenceEqual([Tag.Appointment(A.AppointmentId)]));
        Assert.Contains(query.Items, item => item.Tags.SequenceEqual([Tag.Rooms]));
        Assert.Contains(query.Items, item => item.Tags.SequenceEqual([Tag.RoomDay(Quiet, A.Tomorrow)]) && item.Types.Count == 0);
        Assert.Contains(query.Items, item => item.Tags.SequenceEqual([Tag.VisitType(Consultation)]));
    }
}
