using ClinicPortal.Domain;
using ClinicPortal.Domain.VisitTypes;
using ClinicPortal.Tests.Unit.Support;

namespace ClinicPortal.Tests.Unit.VisitTypes;

public class DefineVisitTypeSpecs
{
    private static DeciderSpec<DefineVisitTypeDecider, DefineVisitType, VisitTypeCatalogue, VisitTypeDefined> Spec => new();

    private static readonly Actor Owner = Actor.Admin(A.Id("owner"));
    private static readonly Guid VaccinationId = A.Id("vaccination");

    private static DefineVisitType Vaccination(Actor? by = null, bool isNew = true) =>
        new(VaccinationId, isNew, " Vaccination ", " With the nurse. ", 10, [ClinicianKind.Nurse], [], true, "#7B1FA2", by ?? Owner, A.Now);

    [Fact]
    public void WhenTheOwnerAddsAVisitType_ThenItIsDefined_Trimmed() =>
        Spec.When(Vaccination())
            .Then(new VisitTypeDefined(VaccinationId, "Vaccination", "With the nurse.", 10, [ClinicianKind.Nurse], [], true, "#7b1fa2", Owner.Name));

    [Fact]
    public void WhenAReceptionistAddsOne_ThenNotAllowed() =>
        Spec.When(Vaccination(A.Receptionist)).ThenRejected(Rejection.NotAllowed);

    [Fact]
    public void GivenAVisitTypeOfThatName_WhenAnotherIsAddedUnderIt_ThenVisitTypeNameTaken() =>
        Spec.Given(new VisitTypeDefined(A.Id("other"), "VACCINATION", "", 10, [ClinicianKind.Nurse], [], true, "#7b1fa2", "owner"))
            .When(Vaccination()).ThenRejected(Rejection.VisitTypeNameTaken);

    [Fact]
    public void WhenItIsNamedLikeABuiltInOne_ThenVisitTypeNameTaken() =>
        Spec.When(Vaccination() with { Name = "consultation" }).ThenRejected(Rejection.VisitTypeNameTaken);

    [Theory]
    [InlineData(0)]
    [InlineData(15)]
    [InlineData(130)]
    public void WhenItsLengthIsNotTenToOneHundredTwentyMinutesInTens_ThenVisitTypeLengthInvalid(int minutes) =>
        Spec.When(Vaccination() with { Minutes = minutes }).ThenRejected(Rejection.VisitTypeLengthInvalid);

    [Fact]
    public void WhenNobodyGivesIt_ThenVisitTypeNeedsClinicians() =>
        Spec.When(Vaccination() with { GivenByKinds = [] }).ThenRejected(Rejection.VisitTypeNeedsClinicians);

    [Fact]
    public void WhenItHasNoName_ThenVisitTypeNameRequired() =>
        Spec.When(Vaccination() with { Name = "   " }).ThenRejected(Rejection.VisitTypeNameRequired);

    [Fact]
    public void WhenItsColourIsNotAColour_ThenVisitTypeColourInvalid() =>
        Spec.When(Vaccination() with { Colour = "purple" }).ThenRejected(Rejection.VisitTypeColourInvalid);

    [Fact]
    public void WhenAnUnknownVisitTypeIsChanged_ThenVisitTypeNotFound() =>
        Spec.When(Vaccination(isNew: false)).ThenRejected(Rejection.VisitTypeNotFound);

    [Fact]
    public void WhenTheOwnerMakesConsultationsStaffBookedOnly_ThenTheBuiltInOneIsRedefined() =>
        Spec.When(new DefineVisitType(VisitType.ConsultationId, false, "Consultation", "", 10, [ClinicianKind.Doctor], [], false, "#3f51b5", Owner, A.Now))
            .Then(new VisitTypeDefined(VisitType.ConsultationId, "Consultation", "", 10, [ClinicianKind.Doctor], [], false, "#3f51b5", Owner.Name));

    [Fact]
    public void WhenAVisitTypeIsAddedTwiceUnderOneId_ThenConflict() =>
        Spec.Given(new VisitTypeDefined(VaccinationId, "Vaccination", "", 10, [ClinicianKind.Nurse], [], true, "#7b1fa2", "owner"))
            .When(Vaccination()).ThenRejected(Rejection.Conflict);
}

public class StaffOnlyTimeSpecs
{
    private static DeciderSpec<Domain.Scheduling.ScheduleDayDecider, Domain.Scheduling.ScheduleDay, Domain.Scheduling.DayToSchedule, DayScheduled> Spec => new();

    [Fact]
    public void WhenADayHasOpenTimeAndTimeKeptForStaff_ThenEachKindOfTimeIsScheduledApart()
    {
        var procedures = A.Id("procedure");
        var n = 0;
        var events = Spec.When(new Domain.Scheduling.ScheduleDay(A.ClinicianId, A.Tomorrow,
            [
                new(new(9, 0), new(9, 20)),
                new(new(11, 0), new(11, 30), StaffOnly: true, OnlyFor: [procedures, procedures]),
                new(new(14, 0), new(14, 10)),
            ],
            A.London, () => A.Slot(++n), A.Clinician, A.Now)).ThenAccepted();

        Assert.Equal(2, events.Count);
        var open = events.Single(e => !e.StaffOnly);
        Assert.Null(open.OnlyFor);
        Assert.Equal([A.At(A.Tomorrow, 9), A.At(A.Tomorrow, 9, 10), A.At(A.Tomorrow, 14)], open.Slots.Select(s => s.StartUtc));
        var kept = events.Single(e => e.StaffOnly);
        Assert.Equal([procedures], kept.OnlyFor!);
        Assert.Equal(3, kept.Slots.Count);
    }
}
