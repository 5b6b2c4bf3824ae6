using System.Collections.Immutable;
using ClinicPortal.Domain;
using ClinicPortal.Domain.Booking;
using ClinicPortal.Domain.EventStore;
using ClinicPortal.Tests.Unit.Support;

namespace ClinicPortal.Tests.Unit.Waitlist;

/// <summary>
/// The waiting list: a patient waits for a visit type (with a clinician or anyone) on a range of days, at most three waits
/// at once; a freed time is offered to a waiting wait as a hold judged as the patient's own, once; it ends when the offer
/// is booked, let go or runs out, or the patient leaves.
/// </summary>
public class WaitlistSpecs
{
    private static DeciderSpec<JoinWaitDecider, JoinWait, ImmutableDictionary<Guid, WaitState>, WaitJoined> Joining => new();
    private static DeciderSpec<LeaveWaitDecider, LeaveWait, ImmutableDictionary<Guid, WaitState>, WaitLeft> Leaving => new();
    private static DeciderSpec<OfferWaitDecider, OfferWait, OfferState, HoldPlaced> Offering => new();

    private static readonly Guid WaitId = A.Id("wait");
    private static readonly Guid Consultation = Domain.VisitTypes.VisitType.ForSlotCount(1);
    private static readonly DateOnly Today = new(2026, 3, 2);

    private static readonly Domain.VisitTypes.VisitType ConsultationType = Domain.VisitTypes.VisitType.BuiltIn.Single(t => t.Id == Consultation);

    private static JoinWait Join(DateOnly? from = null, DateOnly? to = null, Guid? waitId = null, Guid? clinician = null, Actor? by = null) =>
        new(waitId ?? WaitId, A.PatientId, Consultation, clinician, from ?? A.Tomorrow, to ?? A.Tomorrow, by ?? A.Patient, A.Now, Today, 60, ConsultationType);

    private static WaitJoined Joined(Guid? waitId = null, DateOnly? from = null, DateOnly? to = null, Guid? clinician = null, Guid? patient = null) =>
        new(waitId ?? WaitId, patient ?? A.PatientId, Consultation, clinician, from ?? A.Tomorrow, to ?? A.Tomorrow, (patient ?? A.PatientId).ToString());

    private static OfferWait Offer(Guid? patient = null, Guid? waitId = null, int slot = 1, Actor? by = null) =>
        new(waitId ?? WaitId, new PlaceHold(A.Id("offer"), patient ?? A.PatientId, [A.Slot(slot)], Actor.Patient(patient ?? A.PatientId), A.Now,
            A.Now.AddHours(1), A.Tomorrow, Consultation), by ?? Actor.Waitlist);

    private static HoldPlaced Offered(Guid? waitId = null) =>
        new(A.Id("offer"), A.PatientId, A.ClinicianId, A.Tomorrow, [A.MorningSlot(1)], Consultation, A.Now.AddHours(1), Actor.Waitlist.Name, WaitId: waitId ?? WaitId);

    [Fact]
    public void WhenAPatientJoins_ThenWaitJoined_TaggedAsTheWaitThePatientsWaitsAndTheVisitTypesLine()
    {
        var joined = Joining.Given().When(Join(A.Tomorrow, A.Tomorrow.AddDays(6))).ThenAccepted().Single();
        Assert.Equal(A.Describe(Joined(to: A.Tomorrow.AddDays(6)) with { By = A.Patient.Name }), A.Describe(joined));
        Assert.Equal([Tag.Wait(WaitId), Tag.PatientWaits(A.PatientId), Tag.Waitlist(Consultation)], EventTags.Of(joined));
    }

    [Fact]
    public void DaysBackwards_InThePast_OrPastTheDaysAhead_AreRefused()
    {
        Joining.Given().When(Join(A.Tomorrow.AddDays(2), A.Tomorrow)).ThenRejected(Rejection.WaitDatesInvalid);
        Joining.Given().When(Join(Today.AddDays(-1), A.Tomorrow)).ThenRejected(Rejection.WaitDatesInvalid);
        Joining.Given().When(Join(A.Tomorrow, Today.AddDays(61))).ThenRejected(Rejection.WaitDatesInvalid);
        Joining.Given().When(Join(Today, Today.AddDays(60))).ThenAccepted();
    }

    [Fact]
    public void GivenAWaitForTheSameOnSomeOfTheseDays_ThenAlreadyWaiting_ButWithAnotherClinicianOrAfterLeavingItJoins()
    {
        Joining.Given(Joined(to: A.Tomorrow.AddDays(3))).When(Join(A.Tomorrow.AddDays(3), A.Tomorrow.AddDays(5), A.Id("w2"))).ThenRejected(Rejection.AlreadyWaiting);
        Joining.Given(Joined()).When(Join(waitId: A.Id("w2"), clinician: A.ClinicianId)).ThenAccepted();
        Joining.Given(Joined(), new WaitLeft(WaitId, A.PatientId, Consultation, "p")).When(Join(waitId: A.Id("w2"))).ThenAccepted();
    }

    [Fact]
    public void GivenThreeOpenWaits_ThenTooManyWaits_UnlessOneHasEndedOrItsDaysHavePassed()
    {
        IClinicEvent[] three = [Joined(A.Id("w1"), A.Tomorrow.AddDays(1), A.Tomorrow.AddDays(1)), Joined(A.Id("w2"), A.Tomorrow.AddDays(2), A.Tomorrow.AddDays(2)),
            Joined(A.Id("w3"), A.Tomorrow.AddDays(3), A.Tomorrow.AddDays(3))];
        Joining.Given(three).When(Join()).ThenRejected(Rejection.TooManyWaits);
        Joining.Given([.. three, new WaitLeft(A.Id("w2"), A.PatientId, Consultation, "p")]).When(Join()).ThenAccepted();
        Joining.Given([.. three[1..], Joined(A.Id("w0"), Today.AddDays(-3), Today.AddDays(-1))]).When(Join()).ThenAccepted();
    }

    [Fact]
    public void OnlyThePatientOrStaffJoin() =>
        Joining.Given().When(Join(by: A.Clinician)).ThenRejected(Rejection.NotAllowed);

    [Fact]
    public void AWaitIsForAVisitTypeTheCatalogueHas_AndAPatientWaitsOnlyForOneBookedOnline()
    {
        Joining.Given().When(Join() with { VisitType = null }).ThenRejected(Rejection.VisitTypeNotFound);
        var byPhoneOnly = ConsultationType with { BookableOnline = false };
        Joining.Given().When(Join() with { VisitType = byPhoneOnly }).ThenRejected(Rejection.VisitTypeNotBookableOnline);
        Joining.Given().When(Join(by: A.Receptionist) with { VisitType = byPhoneOnly }).ThenAccepted();
    }

    [Fact]
    public void GivenAWaitingWait_WhenAFreedTimeIsOffered_ThenAHoldNamingTheWait_ByTheWaitingList_TaggedAsTheWaits()
    {
        var offered = Offering.Given(A.DayScheduled(1), Joined()).When(Offer()).ThenAccepted().Single();
        Assert.Equal(A.Describe(Offered()), A.Describe(offered));
        Assert.Contains(Tag.Wait(WaitId), EventTags.Of(offered));
        Assert.Contains(Tag.Slot(A.Slot(1)), EventTags.Of(offered));
    }

    [Fact]
    public void GivenAWaitOfferedATimeAlready_OrLeft_OrForOtherDays_ThenWaitNotWaiting()
    {
        Offering.Given(A.DayScheduled(1, 2), Joined(), Offered()).When(Offer(slot: 2) with { Hold = Offer(slot: 2).Hold with { HoldId = A.Id("o2") } })
            .ThenRejected(Rejection.WaitNotWaiting);
        Offering.Given(A.DayScheduled(1), Joined(), new WaitLeft(WaitId, A.PatientId, Consultation, "p")).When(Offer()).ThenRejected(Rejection.WaitNotWaiting);
        Offering.Given(A.DayScheduled(1), Joined(from: A.Tomorrow.AddDays(1), to: A.Tomorrow.AddDays(2))).When(Offer()).ThenRejected(Rejection.WaitNotWaiting);
        Offering.Given(A.DayScheduled(1), Joined(clinician: A.OtherClinicianId)).When(Offer()).ThenRejected(Rejection.WaitNotWaiting);
        Offering.Given(A.DayScheduled(1)).When(Offer()).ThenRejected(Rejection.WaitNotFound);
    }

    [Fact]
    public void AnOfferIsJudgedAsThePatientsOwnHold_ABookedOrHeldTimeIsNotOffered()
    {
        Offering.Given(A.DayScheduled(1), Joined(), A.SlotsBooked(A.Id("b"), A.OtherPatientId, 1)).When(Offer()).ThenRejected(Rejection.SlotAlreadyBooked);
        Offering.Given(A.DayScheduled(1), Joined(), new HoldPlaced(A.Id("h"), A.OtherPatientId, A.ClinicianId, A.Tomorrow, [A.MorningSlot(1)], Consultation,
            A.Now.AddMinutes(5), "o")).When(Offer()).ThenRejected(Rejection.SlotHeld);
        Offering.Given(A.DayScheduled(1), Joined()).When(Offer(by: A.Receptionist)).ThenRejected(Rejection.NotAllowed);
    }

    [Fact]
    public void GivenAnOfferThatRanOut_ThenTheWaitHasEnded_AndIsOfferedNothingMore()
    {
        var expired = new HoldExpired(A.Id("offer"), A.PatientId, A.ClinicianId, A.Tomorrow, [A.MorningSlot(1)], A.Now.AddHours(1));
        Offering.Given(A.DayScheduled(1, 2), Joined(), Offered(), expired).When(Offer(slot: 2) with { Hold = Offer(slot: 2).Hold with { HoldId = A.Id("o2") } })
            .ThenRejected(Rejection.WaitNotWaiting);
        Leaving.Given(Joined(), Offered(), expired).When(new LeaveWait(WaitId, A.PatientId, A.Patient, A.Now)).Then();
    }

    [Fact]
    public void ThePatientLeavesTheirOwnWait_Once_AndNoOneElsesIsFound()
    {
        Leaving.Given(Joined()).When(new LeaveWait(WaitId, A.PatientId, A.Patient, A.Now)).Then(new WaitLeft(WaitId, A.PatientId, Consultation, A.Patient.Name));
        Leaving.Given(Joined(), new WaitLeft(WaitId, A.PatientId, Consultation, "p")).When(new LeaveWait(WaitId, A.PatientId, A.Patient, A.Now)).Then();
        Leaving.Given(Joined()).When(new LeaveWait(WaitId, A.PatientId, Actor.Patient(A.OtherPatientId), A.Now)).ThenRejected(Rejection.WaitNotFound);
        Leaving.Given(Joined()).When(new LeaveWait(WaitId, A.PatientId, A.Receptionist, A.Now)).ThenAccepted();
    }
}
