using ClinicPortal.Domain;
using ClinicPortal.Domain.Booking;
using ClinicPortal.Domain.Conflicts;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Tests.Unit.Support;

namespace ClinicPortal.Tests.Unit.Conflicts;

/// <summary>Staff may book or move over the patient's own clash by giving a reason (the clinician's and the room's: ClinicianClashSpecs, AppointmentRoomSpecs); patients never may.</summary>
public class OverrideSpecs
{
    private static DeciderSpec<BookSlotsDecider, BookSlots, AppointmentToBook, SlotsBooked> Appointment => new();
    private static DeciderSpec<MoveAppointmentDecider, MoveAppointment, MoveRequest, AppointmentMoved> Moving => new();

    private static readonly ScheduledSlot OtherCliniciansSlot = new(A.Slot(11), A.MorningSlot(1).StartUtc);

    /// <summary>The patient already holds 09:00 with the other doctor; the doctor has 09:00 and 09:10 free.</summary>
    private static readonly IClinicEvent[] PatientHeldAt0900 =
    [
        A.DayScheduled(1, 2),
        new DayScheduled(A.OtherClinicianId, A.Tomorrow, [OtherCliniciansSlot]),
        new SlotsBooked(A.Id("held"), A.PatientId, A.OtherClinicianId, A.Tomorrow, [OtherCliniciansSlot], "p"),
    ];

    private static BookSlots Book(Actor by, string? overrideReason, int slot = 1) =>
        new(A.AppointmentId, A.PatientId, [A.Slot(slot)], by, A.Now, OverrideReason: overrideReason);

    [Fact]
    public void GivenThePatientHeldThen_WhenStaffBookOverItWithAReason_ThenItIsBookedWithTheReasonAsTheOverride() =>
        Appointment.Given(PatientHeldAt0900).When(Book(A.Receptionist, "  Nurse and doctor together  "))
            .Then(A.SlotsBooked(A.AppointmentId, A.PatientId, 1) with { BookedBy = A.Receptionist.Name, OverrideReason = "Nurse and doctor together", Overrode = Clash.Patient });

    [Fact]
    public void GivenThePatientHeldThen_WhenStaffBookWithoutAReason_ThenPatientAlreadyBookedAtThatTime() =>
        Appointment.Given(PatientHeldAt0900).When(Book(A.Receptionist, null)).ThenRejected(Rejection.PatientAlreadyBookedAtThatTime);

    [Fact]
    public void WhenStaffGiveABlankReason_ThenOverrideReasonRequired() =>
        Appointment.Given(PatientHeldAt0900).When(Book(A.Receptionist, "   ")).ThenRejected(Rejection.OverrideReasonRequired);

    [Fact]
    public void WhenStaffGiveATooLongReason_ThenReasonTooLong() =>
        Appointment.Given(PatientHeldAt0900).When(Book(A.Receptionist, new string('x', Override.MaxReasonLength + 1))).ThenRejected(Rejection.ReasonTooLong);

    [Fact]
    public void WhenAPatientAsksToOverride_ThenNotAllowed() =>
        Appointment.Given(PatientHeldAt0900).When(Book(A.Patient, "I want both")).ThenRejected(Rejection.NotAllowed);

    [Fact]
    public void GivenNoClash_WhenStaffGiveAReason_ThenItIsBookedWithNoOverride() =>
        Appointment.Given(PatientHeldAt0900).When(Book(A.Receptionist, "Just in case", slot: 2))
            .Then(A.SlotsBooked(A.AppointmentId, A.PatientId, 2) with { BookedBy = A.Receptionist.Name });

    [Fact]
    public void GivenTheMonthIsFull_WhenStaffOverride_ThenMonthlyLimitReached()
    {
        var slots = Enumerable.Range(1, 11).ToArray();
        var full = Enumerable.Range(2, 10).Select(n => A.SlotsBooked(A.Id($"b{n}"), A.PatientId, n)).ToArray();
        Appointment.Given([A.DayScheduled(slots), .. full])
            .When(Book(A.Receptionist, "Urgent", slot: 1)).ThenRejected(Rejection.MonthlyLimitReached);
    }

    [Fact]
    public void GivenThePatientHeldThen_WhenStaffMoveAnotherAppointmentOverItWithAReason_ThenItMovesWithTheOverride()
    {
        var later = A.SlotsBooked(A.AppointmentId, A.PatientId, 2);
        var move = new MoveAppointment(A.AppointmentId, A.PatientId, later.VisitType, [A.Slot(1)], A.Receptionist, A.Now, OverrideReason: "Seen together");
        Moving.Given([.. PatientHeldAt0900, later]).When(move)
            .Then(new AppointmentMoved(A.AppointmentId, A.PatientId, later.VisitType, A.ClinicianId, A.Tomorrow, [A.MorningSlot(2)],
                A.ClinicianId, A.Tomorrow, [A.MorningSlot(1)], A.Receptionist.Name, "Seen together", Overrode: Clash.Patient));
        Moving.Given([.. PatientHeldAt0900, later]).When(move with { OverrideReason = null }).ThenRejected(Rejection.PatientAlreadyBookedAtThatTime);
    }
}

public class SetClinicianActiveSpecs
{
    private static DeciderSpec<SetClinicianActiveDecider, SetClinicianActive, bool, IClinicEvent> Spec => new();

    private static readonly Actor Owner = Actor.Admin(A.Id("owner"));

    private static SetClinicianActive Set(bool active, Actor? by = null) => new(A.ClinicianId, active, by ?? Owner, A.Now);

    [Fact]
    public void WhenTheOwnerDeactivatesAClinician_ThenClinicianDeactivated() =>
        Spec.When(Set(false)).Then(new ClinicianDeactivated(A.ClinicianId, Owner.Name));

    [Fact]
    public void GivenADeactivatedClinician_WhenTheOwnerReactivatesThem_ThenClinicianReactivated() =>
        Spec.Given(new ClinicianDeactivated(A.ClinicianId, "owner")).When(Set(true)).Then(new ClinicianReactivated(A.ClinicianId, Owner.Name));

    [Fact]
    public void GivenAnActiveClinician_WhenReactivated_OrADeactivatedOneDeactivatedAgain_ThenNothingIsLogged()
    {
        Spec.When(Set(true)).Then();
        Spec.Given(new ClinicianDeactivated(A.ClinicianId, "owner")).When(Set(false)).Then();
        Spec.Given(new ClinicianDeactivated(A.ClinicianId, "owner"), new ClinicianReactivated(A.ClinicianId, "owner")).When(Set(true)).Then();
    }

    [Fact]
    public void WhenReceptionDeactivatesAClinician_ThenNotAllowed() =>
        Spec.When(Set(false, A.Receptionist)).ThenRejected(Rejection.NotAllowed);

    [Fact]
    public void TheDecisionReadsOnlyTheClinicianActivity()
    {
        var query = SetClinicianActiveDecider.QueryFor(Set(false));
        var item = Assert.Single(query.Items);
        Assert.Equal(["ClinicianDeactivated", "ClinicianReactivated"], item.Types);
        Assert.Equal([ClinicPortal.Domain.EventStore.Tag.Clinician(A.ClinicianId)], item.Tags);
    }
}
