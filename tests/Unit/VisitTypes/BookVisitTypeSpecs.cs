using ClinicPortal.Domain;
using ClinicPortal.Domain.Booking;
using ClinicPortal.Domain.VisitTypes;
using ClinicPortal.Tests.Unit.Support;

namespace ClinicPortal.Tests.Unit.VisitTypes;

/// <summary>Booking a visit type: its length of adjacent free slots of one clinician who gives it, all or nothing.</summary>
public class BookVisitTypeSpecs
{
    private static DeciderSpec<BookSlotsDecider, BookSlots, AppointmentToBook, SlotsBooked> Spec => new();

    private static readonly Guid NurseId = A.Id("nurse");
    private static readonly Guid VaccinationId = A.Id("vaccination");
    private static readonly Guid ProcedureId = A.Id("procedure");

    private static readonly VisitTypeDefined Vaccination =
        new(VaccinationId, "Vaccination", "", 10, [ClinicianKind.Nurse], [], true, "#7b1fa2", "owner");

    private static readonly VisitTypeDefined MinorProcedure =
        new(ProcedureId, "Minor procedure", "", 30, [ClinicianKind.Doctor], [], false, "#c62828", "owner");

    private static ClinicianKind? KindOf(Guid clinician) => clinician == NurseId ? ClinicianKind.Nurse : ClinicianKind.Doctor;

    private static BookSlots Book(Guid visitType, Actor by, params int[] slots) =>
        new(A.AppointmentId, A.PatientId, slots.Select(A.Slot).ToArray(), by, A.Now, VisitTypeId: visitType, KindOf: KindOf);

    private static DayScheduled NurseDay(params int[] slots) => new(NurseId, A.Tomorrow, slots.Select(n => A.MorningSlot(n)).ToArray());

    private static SlotsBooked Booked(Guid visitType, string by, Guid clinician, string? reason, params int[] slots) =>
        new(A.AppointmentId, A.PatientId, clinician, A.Tomorrow, slots.Select(n => A.MorningSlot(n)).ToArray(), by, visitType, reason);

    [Fact]
    public void GivenANurseSlot_WhenAPatientBooksAVaccination_ThenItIsBookedAsAVaccination() =>
        Spec.Given(Vaccination, NurseDay(1)).When(Book(VaccinationId, A.Patient, 1))
            .Then(Booked(VaccinationId, A.PatientId.ToString(), NurseId, null, 1));

    [Fact]
    public void GivenACliniciansSlot_WhenAVaccinationIsBookedInIt_ThenClinicianDoesNotGiveService() =>
        Spec.Given(Vaccination, A.DayScheduled(1)).When(Book(VaccinationId, A.Patient, 1))
            .ThenRejected(Rejection.ClinicianDoesNotGiveVisitType);

    [Fact]
    public void GivenAVisitTypeGivenByANamedClinician_WhenItIsBookedWithThem_ThenItIsBooked() =>
        Spec.Given(Vaccination with { GivenByClinicians = [A.ClinicianId] }, A.DayScheduled(1)).When(Book(VaccinationId, A.Patient, 1))
            .Then(Booked(VaccinationId, A.PatientId.ToString(), A.ClinicianId, null, 1));

    [Fact]
    public void GivenAStaffBookedVisitType_WhenAPatientBooksIt_ThenServiceNotBookableOnline() =>
        Spec.Given(MinorProcedure, A.DayScheduled(1, 2, 3)).When(Book(ProcedureId, A.Patient, 1, 2, 3))
            .ThenRejected(Rejection.VisitTypeNotBookableOnline);

    [Fact]
    public void GivenAStaffBookedVisitType_WhenReceptionBooksItsThreeSlots_ThenTheyAreBookedAsOne() =>
        Spec.Given(MinorProcedure, A.DayScheduled(1, 2, 3)).When(Book(ProcedureId, A.Receptionist, 3, 1, 2))
            .Then(Booked(ProcedureId, A.Receptionist.Name, A.ClinicianId, null, 1, 2, 3));

    [Theory]
    [InlineData(1, 2)]
    [InlineData(1, 2, 3, 4)]
    public void WhenAThirtyMinuteVisitIsGivenOtherThanThreeSlots_ThenSlotsNotFreeForService(params int[] slots) =>
        Spec.Given(MinorProcedure, A.DayScheduled(1, 2, 3, 4)).When(Book(ProcedureId, A.Receptionist, slots))
            .ThenRejected(Rejection.SlotsNotFreeForVisitType);

    [Fact]
    public void GivenAGap_WhenAThirtyMinuteVisitIsBookedAcrossIt_ThenSlotsNotAdjacent() =>
        Spec.Given(MinorProcedure, A.DayScheduled(1, 2, 4)).When(Book(ProcedureId, A.Receptionist, 1, 2, 4))
            .ThenRejected(Rejection.SlotsNotAdjacent);

    [Fact]
    public void GivenOneOfItsSlotsTaken_WhenAThirtyMinuteVisitIsBooked_ThenNothingIsBooked() =>
        Spec.Given(MinorProcedure, A.DayScheduled(1, 2, 3), A.SlotsBooked(A.Id("other"), A.OtherPatientId, 2))
            .When(Book(ProcedureId, A.Receptionist, 1, 2, 3))
            .ThenRejected(Rejection.SlotAlreadyBooked);

    [Fact]
    public void GivenStaffOnlyTime_WhenAPatientBooksInIt_ThenSlotsNotFreeForService() =>
        Spec.Given(A.DayScheduled(1) with { StaffOnly = true })
            .When(Book(VisitType.ConsultationId, A.Patient, 1))
            .ThenRejected(Rejection.SlotsNotFreeForVisitType);

    [Fact]
    public void GivenStaffOnlyTime_WhenReceptionBooksInIt_ThenItIsBooked() =>
        Spec.Given(A.DayScheduled(1) with { StaffOnly = true })
            .When(Book(VisitType.ConsultationId, A.Receptionist, 1))
            .Then(Booked(VisitType.ConsultationId, A.Receptionist.Name, A.ClinicianId, null, 1));

    [Fact]
    public void GivenTimeKeptForProcedures_WhenAConsultationIsBookedInIt_ThenSlotsNotFreeForService() =>
        Spec.Given(MinorProcedure, A.DayScheduled(1, 2, 3) with { OnlyFor = [ProcedureId] })
            .When(Book(VisitType.ConsultationId, A.Receptionist, 1))
            .ThenRejected(Rejection.SlotsNotFreeForVisitType);

    [Fact]
    public void GivenTimeKeptForProcedures_WhenAProcedureIsBookedInIt_ThenItIsBooked() =>
        Spec.Given(MinorProcedure, A.DayScheduled(1, 2, 3) with { OnlyFor = [ProcedureId] })
            .When(Book(ProcedureId, A.Receptionist, 1, 2, 3))
            .Then(Booked(ProcedureId, A.Receptionist.Name, A.ClinicianId, null, 1, 2, 3));

    [Fact]
    public void GivenAVisitTypeThatWasMadeLonger_WhenItIsBookedAtItsOldLength_ThenSlotsNotFreeForService() =>
        Spec.Given(Vaccination, Vaccination with { Minutes = 20 }, NurseDay(1, 2)).When(Book(VaccinationId, A.Patient, 1))
            .ThenRejected(Rejection.SlotsNotFreeForVisitType);

    [Fact]
    public void GivenAVisitTypeTheOwnerTookOffline_WhenAPatientBooksIt_ThenServiceNotBookableOnline() =>
        Spec.Given(new VisitTypeDefined(VisitType.LongConsultationId, "Long consultation", "", 20, [ClinicianKind.Doctor], [], false, "#00897b", "owner"),
                A.DayScheduled(1, 2))
            .When(new BookSlots(A.AppointmentId, A.PatientId, [A.Slot(1), A.Slot(2)], A.Patient, A.Now))
            .ThenRejected(Rejection.VisitTypeNotBookableOnline);

    [Fact]
    public void WhenAnUnknownVisitTypeIsBooked_ThenVisitTypeNotFound() =>
        Spec.Given(A.DayScheduled(1)).When(Book(A.Id("nothing"), A.Patient, 1)).ThenRejected(Rejection.VisitTypeNotFound);

    [Fact]
    public void WhenAReasonIsGiven_ThenTheAppointmentKeepsIt_Trimmed() =>
        Spec.Given(Vaccination, NurseDay(1)).When(Book(VaccinationId, A.Patient, 1) with { Reason = "  Travel to Kenya  " })
            .Then(Booked(VaccinationId, A.PatientId.ToString(), NurseId, "Travel to Kenya", 1));

    [Fact]
    public void WhenTheReasonIsTooLong_ThenReasonTooLong() =>
        Spec.Given(Vaccination, NurseDay(1)).When(Book(VaccinationId, A.Patient, 1) with { Reason = new string('x', VisitType.MaxReasonLength + 1) })
            .ThenRejected(Rejection.ReasonTooLong);

    [Fact]
    public void GivenEightSlotsHeldThisMonth_WhenAThirtyMinuteVisitIsBooked_ThenMonthlyLimitReached_ForTheLimitCountsSlots() =>
        Spec.Given([MinorProcedure, A.DayScheduled(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11),
                .. Enumerable.Range(1, 8).Select(n => A.SlotsBooked(A.Id($"held{n}"), A.PatientId, n))])
            .When(Book(ProcedureId, A.Receptionist, 9, 10, 11))
            .ThenRejected(Rejection.MonthlyLimitReached);

    [Fact]
    public void WithoutAVisitType_OneSlotIsAConsultation_AndTwoALongConsultation()
    {
        var single = Spec.Given(A.DayScheduled(1)).When(new BookSlots(A.AppointmentId, A.PatientId, [A.Slot(1)], A.Patient, A.Now)).ThenAccepted();
        var @double = Spec.Given(A.DayScheduled(1, 2)).When(new BookSlots(A.AppointmentId, A.PatientId, [A.Slot(1), A.Slot(2)], A.Patient, A.Now)).ThenAccepted();

        Assert.Equal(VisitType.ConsultationId, Assert.Single(single).VisitTypeId);
        Assert.Equal(VisitType.LongConsultationId, Assert.Single(@double).VisitTypeId);
    }
}
