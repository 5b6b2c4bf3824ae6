using ClinicPortal.Domain.Conflicts;
using ClinicPortal.Application;
using ClinicPortal.Domain;
using ClinicPortal.Domain.EventStore;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Domain.VisitTypes;
using ClinicPortal.Features.Admin.Staff;
using ClinicPortal.Features.Admin.VisitTypes;
using ClinicPortal.Features.Booking.BookSlots;
using ClinicPortal.Features.Booking.CancelAppointment;
using ClinicPortal.Features.Booking.ChangeParts;
using ClinicPortal.Features.Conflicts;
using ClinicPortal.Features.Reception.CancelDay;
using ClinicPortal.Features.Scheduling.ScheduleDay;
using ClinicPortal.Features.Notifications;
using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Infrastructure.Email;
using ClinicPortal.Application.Queries;
using ClinicPortal.Infrastructure.ReadModels;
using ClinicPortal.Tests.Unit.Support;

namespace ClinicPortal.Tests.Unit.VisitTypes;

/// <summary>
/// A visit of several clinicians on a real SQLite file: offered where every part fits, booked in one append, on each
/// clinician's calendar for their own part, counted by the patient's time, freed whole, raced fairly, and on the
/// conflicts desk when any of its clinicians is deactivated.
/// </summary>
public class TeamVisitTests
{
    private sealed record Practice(TestApp App, Guid Owner, Guid Nurse, Guid Clinician, Guid Patient, Guid Review, DayScheduled NursesDay, DayScheduled CliniciansDay)
    {
        public Task<DayOffers> OffersAsync() =>
            App.Get<Availability>().DayAsync(App.Get<VisitTypeCatalogueReadModel>().FindAsync(Review).Result!, A.Tomorrow, byPatient: true);

        /// <summary>The review from the nurse's slot n: the nurse's n and n+1, the doctor's n+1 and n+2.</summary>
        public Guid[] From(int n) =>
            [NursesDay.Slots[n].SlotId, NursesDay.Slots[n + 1].SlotId, CliniciansDay.Slots[n + 1].SlotId, CliniciansDay.Slots[n + 2].SlotId];
    }

    /// <summary>A nurse and a doctor each free tomorrow 09:00–10:00, a patient, and the Diabetes review (nurse 0–20, doctor 10–30).</summary>
    private static async Task<Practice> StartAsync()
    {
        var app = await TestApp.StartAsync();
        var owner = await app.CreateUserAsync("Practice Owner", "owner@clinic.test", Roles.Admin);
        var nurse = await app.CreateUserAsync("Nia Shaw", "nia@clinic.test", Roles.Nurse);
        var doctor = await app.CreateUserAsync("Dr Ada Hart", "hart@clinic.test", Roles.Doctor);
        var patient = await app.CreateUserAsync("Patient One", "one@clinic.test", Roles.Patient);
        var schedule = app.Get<ScheduleDayHandler>();
        var nursesDay = (await schedule.HandleAsync(nurse, A.Tomorrow, [new BlockOfTime(new(9, 0), new(10, 0))], Actor.Clinician(nurse, ClinicianKind.Nurse))).Value!;
        var doctorsDay = (await schedule.HandleAsync(doctor, A.Tomorrow, [new BlockOfTime(new(9, 0), new(10, 0))], Actor.Doctor(doctor))).Value!;
        var review = (await app.Get<DefineVisitTypeHandler>().HandleAsync(null,
            new VisitTypeForm("Diabetes review", "", 0, [], [], true, "#2e7d32",
                Parts: [new(ClinicianKind.Nurse, 0, 20), new(ClinicianKind.Doctor, 10, 20)]), Actor.Admin(owner))).Value!.VisitTypeId;
        return new Practice(app, owner, nurse, doctor, patient, review, nursesDay, doctorsDay);
    }

    private static string Hm(DateTimeOffset instant) => PracticeTime.ToLocal(instant, A.London).ToString("HH:mm");

    [Fact]
    public async Task AReviewIsOfferedWhereBothPartsFit_BookedInOneAppend_AndOnEachCalendarForItsOwnPart()
    {
        var practice = await StartAsync();
        await using var app = practice.App;

        // Six slots each: starts 09:00 to 09:30 (the doctor's part ends by 10:00).
        var team = Assert.Single((await practice.OffersAsync()).Clinicians);
        Assert.Equal("Nia Shaw and Dr Ada Hart", team.ClinicianName);
        Assert.Equal([practice.Nurse, practice.Clinician], team.Clinicians);
        Assert.Equal(["09:00", "09:10", "09:20", "09:30"], team.Offers.Select(o => Hm(o.StartUtc)));
        Assert.Equal(practice.From(0).Order(), team.Offers[0].SlotIds.Order());

        var booked = await app.Get<BookSlotsHandler>().HandleAsync(practice.Patient, team.Offers[0].SlotIds, Actor.Patient(practice.Patient), visitTypeId: practice.Review);
        Assert.True(booked.IsAccepted, booked.Rejection?.ToString());

        var schedule = app.Get<ScheduleReadModel>();
        var nursePart = Assert.Single(await schedule.DayAppointmentsAsync(practice.Nurse, A.Tomorrow));
        var doctorPart = Assert.Single(await schedule.DayAppointmentsAsync(practice.Clinician, A.Tomorrow));
        Assert.Equal(("09:00", "09:20"), (Hm(nursePart.StartUtc), Hm(nursePart.EndUtc)));
        Assert.Equal(("09:10", "09:30"), (Hm(doctorPart.StartUtc), Hm(doctorPart.EndUtc)));
        var booking = (await schedule.AppointmentAsync(booked.Value!.AppointmentId))!;
        Assert.Equal(("09:00", "09:30"), (Hm(booking.StartUtc), Hm(booking.EndUtc)));
        Assert.Equal(3, await schedule.MonthlyUsageAsync(practice.Patient, PracticeTime.MonthOf(A.Tomorrow)));
        Assert.Equal([ClinicianKind.Nurse, ClinicianKind.Doctor], (await schedule.PartsAsync(booking.AppointmentId)).Select(p => p.Kind!.Value));

        // Its slots are no longer offered: the next start where both fit is 09:20 (nurse 09:20–09:40, doctor 09:30–09:50).
        Assert.Equal(["09:20", "09:30"], (await practice.OffersAsync()).Clinicians.Single().Offers.Select(o => Hm(o.StartUtc)));
        Assert.Single((await app.Get<IEventStore>().ReadAsync(Query.All)).Events, e => e.Event is SlotsBooked);

        // The patient's email names both clinicians, with the patient's time.
        await app.Get<PatientNotices>().CatchUpAsync();
        var confirmation = Assert.Single(await app.Get<EmailOutbox>().ListAsync(null, 50), row => row.Kind == "confirmation");
        Assert.StartsWith("Booked: Nia Shaw and Dr Ada Hart, ", confirmation.Subject);
        Assert.EndsWith(" at 09:00", confirmation.Subject);
    }

    [Fact]
    public async Task CancellingTheNursesDayLeavesTheReviewWithTheClinician_OnTheDesk_UntilReceptionGoesOnWithoutHer()
    {
        var practice = await StartAsync();
        await using var app = practice.App;
        var booked = await BookReviewAsync(practice);

        var cancelled = await app.Get<CancelDayHandler>().HandleAsync(practice.Nurse, A.Tomorrow, "unwell", A.Receptionist);

        Assert.True(cancelled.IsAccepted);
        Assert.Equal("1 visit with other clinicians goes on without them for now: it is on the conflicts desk.",
            Features.Reception.CancelDay.DayCancellationDialog.WhoIsEmailed(cancelled.Value));
        var schedule = app.Get<ScheduleReadModel>();
        Assert.Null((await schedule.AppointmentAsync(booked.AppointmentId))!.Cancelled);
        Assert.Equal(2, (await schedule.ClinicianDayAsync(practice.Clinician, A.Tomorrow)).Slots.Count(s => s.AppointmentId == booked.AppointmentId));
        var conflict = Assert.Single(await app.Get<ConflictsReadModel>().OpenAsync(app.Clock.GetUtcNow()));
        Assert.Equal((ConflictKinds.PartDayCancelled, practice.Nurse), (conflict.Kind, conflict.ClinicianId));
        await app.Get<PatientNotices>().CatchUpAsync();
        Assert.DoesNotContain(await app.Get<EmailOutbox>().ListAsync(null, 50), row => row.Kind == "day-cancelled"); // the patient keeps the visit
        Assert.Single(await app.Get<EmailOutbox>().ListAsync(null, 50), row => row.Kind == "conflict");

        var without = await app.Get<AppointmentPartsHandler>().RemoveAsync(booked.AppointmentId, ClinicianKind.Nurse, A.Receptionist);

        Assert.True(without.IsAccepted, without.Rejection?.ToString());
        Assert.Empty(await app.Get<ConflictsReadModel>().OpenAsync(app.Clock.GetUtcNow()));
        var booking = (await schedule.AppointmentAsync(booked.AppointmentId))!;
        Assert.Equal(("09:10", "09:30", 2), (Hm(booking.StartUtc), Hm(booking.EndUtc), booking.SlotCount));
    }

    [Fact]
    public async Task TheNurseTakingBackHerTimeLeavesTheReviewWithTheClinician_OnTheDesk_UntilReceptionGoesOnWithoutHer()
    {
        var practice = await StartAsync();
        await using var app = practice.App;
        var booked = await BookReviewAsync(practice);
        var remove = app.Get<Features.Scheduling.RemoveSlots.RemoveSlotsHandler>();
        var nurse = Actor.Clinician(practice.Nurse, ClinicianKind.Nurse);

        // Half her part is refused (the visit would be cut short); her whole part and the free slot after it go.
        Assert.Equal(Rejection.SlotAlreadyBooked, (await remove.HandleAsync(practice.Nurse, A.Tomorrow, [practice.NursesDay.Slots[0].SlotId], nurse)).Rejection);
        var removed = await remove.HandleAsync(practice.Nurse, A.Tomorrow, practice.NursesDay.Slots.Take(3).Select(s => s.SlotId).ToArray(), nurse);

        Assert.True(removed.IsAccepted, removed.Rejection?.ToString());
        var lost = Assert.Single(removed.Value!.LostParts!);
        Assert.Equal((booked.AppointmentId, ClinicianKind.Nurse), (lost.AppointmentId, lost.Kind));
        var schedule = app.Get<ScheduleReadModel>();
        Assert.Null((await schedule.AppointmentAsync(booked.AppointmentId))!.Cancelled);
        Assert.Equal(2, (await schedule.ClinicianDayAsync(practice.Clinician, A.Tomorrow)).Slots.Count(s => s.AppointmentId == booked.AppointmentId));
        var conflict = Assert.Single(await app.Get<ConflictsReadModel>().OpenAsync(app.Clock.GetUtcNow()));
        Assert.Equal((ConflictKinds.PartTimeRemoved, practice.Nurse), (conflict.Kind, conflict.ClinicianId));
        await app.Get<PatientNotices>().CatchUpAsync();
        Assert.Single(await app.Get<EmailOutbox>().ListAsync(null, 50), row => row.Kind == "conflict");
        var live = await ReadModels.RebuildTests.DumpAsync(app);
        await app.Get<ReadModelRebuilder>().RebuildAllAsync();
        Assert.Equal(live, await ReadModels.RebuildTests.DumpAsync(app));
        await PostgresReplica.AssertSameReadModelsAsync(app); // and the same rows on PostgreSQL

        var without = await app.Get<AppointmentPartsHandler>().RemoveAsync(booked.AppointmentId, ClinicianKind.Nurse, A.Receptionist);

        Assert.True(without.IsAccepted, without.Rejection?.ToString());
        Assert.Empty(await app.Get<ConflictsReadModel>().OpenAsync(app.Clock.GetUtcNow()));
        var booking = (await schedule.AppointmentAsync(booked.AppointmentId))!;
        Assert.Equal(("09:10", "09:30", 2), (Hm(booking.StartUtc), Hm(booking.EndUtc), booking.SlotCount));
    }

    [Fact]
    public async Task CancellingTheCliniciansDay_TheNursesPartIsReassignedToNobody_AndTheReviewIsCancelledFromTheDesk()
    {
        var practice = await StartAsync();
        await using var app = practice.App;
        var booked = await BookReviewAsync(practice);

        Assert.True((await app.Get<CancelDayHandler>().HandleAsync(practice.Clinician, A.Tomorrow, "unwell", A.Receptionist)).IsAccepted);

        var conflict = Assert.Single(await app.Get<ConflictsReadModel>().OpenAsync(app.Clock.GetUtcNow()));
        Assert.Equal((ConflictKinds.PartDayCancelled, practice.Clinician), (conflict.Kind, conflict.ClinicianId));
        var booking = (await app.Get<ScheduleReadModel>().AppointmentAsync(booked.AppointmentId))!;
        Assert.Empty(await app.Get<Reassignments>().OptionsAsync(booking, replacing: practice.Clinician)); // no other doctor here
        Assert.True((await app.Get<CancelAppointmentHandler>().HandleAsync(booked.AppointmentId, A.Receptionist)).IsAccepted);
        Assert.Empty(await app.Get<ConflictsReadModel>().OpenAsync(app.Clock.GetUtcNow()));
        Assert.All((await app.Get<ScheduleReadModel>().ClinicianDayAsync(practice.Nurse, A.Tomorrow)).Slots, slot => Assert.Null(slot.AppointmentId));
    }

    [Fact]
    public async Task CancellingAReviewFreesEveryPart()
    {
        var practice = await StartAsync();
        await using var app = practice.App;
        var booked = (await app.Get<BookSlotsHandler>().HandleAsync(practice.Patient, practice.From(0), A.Receptionist, visitTypeId: practice.Review)).Value!;

        Assert.True((await app.Get<CancelAppointmentHandler>().HandleAsync(booked.AppointmentId, A.Receptionist)).IsAccepted);

        Assert.Equal(["09:00", "09:10", "09:20", "09:30"],
            (await practice.OffersAsync()).Clinicians.Single().Offers.Select(o => Hm(o.StartUtc)));
    }

    [Fact]
    public async Task AReviewAndAConsultationRacingForTheCliniciansSlot_ExactlyOneGetsIt()
    {
        for (var round = 0; round < 3; round++)
        {
            var practice = await StartAsync();
            await using var app = practice.App;
            var book = app.Get<BookSlotsHandler>();
            var other = await app.CreateUserAsync("Patient Two", "two@clinic.test", Roles.Patient);

            var (review, consultation) = await Race.BothAtOnceAsync(
                () => book.HandleAsync(practice.Patient, practice.From(0), A.Receptionist, visitTypeId: practice.Review),
                () => book.HandleAsync(other, [practice.CliniciansDay.Slots[2].SlotId], A.Receptionist));

            Assert.True(review.IsAccepted ^ consultation.IsAccepted, $"review {review.Rejection}, consultation {consultation.Rejection}");
            Assert.Equal(Rejection.SlotAlreadyBooked, (review.IsAccepted ? consultation : review).Rejection);
            var slots = (await app.Get<IEventStore>().ReadAsync(Query.All)).Events.Select(e => e.Event).OfType<SlotsBooked>().SelectMany(b => b.Slots).ToArray();
            Assert.Equal(slots.Length, slots.Select(s => s.SlotId).Distinct().Count());
        }
    }

    [Fact]
    public async Task DeactivatingTheNurseOfAReview_PutsItOnTheDesk_AndReassigningHerPartToAnotherNurseKeepsTheCliniciansAndClosesIt()
    {
        var practice = await StartAsync();
        await using var app = practice.App;
        var booked = (await app.Get<BookSlotsHandler>().HandleAsync(practice.Patient, practice.From(0), A.Receptionist, visitTypeId: practice.Review)).Value!;
        var otherNurse = await app.CreateUserAsync("Ola Berg", "ola@clinic.test", Roles.Nurse);
        var otherNursesDay = (await app.Get<ScheduleDayHandler>().HandleAsync(otherNurse, A.Tomorrow, [new BlockOfTime(new(9, 0), new(10, 0))],
            Actor.Clinician(otherNurse, ClinicianKind.Nurse))).Value!;

        Assert.True((await app.Get<SetStaffActiveHandler>().HandleAsync(practice.Nurse, false, Actor.Admin(practice.Owner))).IsAccepted);

        var conflict = Assert.Single(await app.Get<ConflictsReadModel>().OpenAsync(app.Clock.GetUtcNow()));
        Assert.Equal((ConflictKinds.ClinicianInactive, booked.AppointmentId, practice.Nurse), (conflict.Kind, conflict.AppointmentId, conflict.ClinicianId));
        var booking = (await app.Get<ScheduleReadModel>().AppointmentAsync(booked.AppointmentId))!;
        var option = Assert.Single(await app.Get<Reassignments>().OptionsAsync(booking, replacing: practice.Nurse));
        Assert.Equal(otherNurse, option.ClinicianId);

        var reassigned = await app.Get<Reassignments>().ReassignAsync(booked.AppointmentId, otherNurse, A.Receptionist);

        Assert.True(reassigned.IsAccepted, reassigned.Rejection?.ToString());
        Assert.Equal(
            A.Describe(new BookedPart[]
            {
                new(ClinicianKind.Nurse, otherNurse, [otherNursesDay.Slots[0].SlotId, otherNursesDay.Slots[1].SlotId]),
                new(ClinicianKind.Doctor, practice.Clinician, [practice.CliniciansDay.Slots[1].SlotId, practice.CliniciansDay.Slots[2].SlotId]),
            }),
            A.Describe(reassigned.Value!.ToParts));
        Assert.True(reassigned.Value.IsReassignment);
        Assert.Empty(await app.Get<ConflictsReadModel>().OpenAsync(app.Clock.GetUtcNow()));
        Assert.All((await app.Get<ScheduleReadModel>().ClinicianDayAsync(practice.Nurse, A.Tomorrow)).Slots, slot => Assert.Null(slot.AppointmentId));
    }

    private static async Task<SlotsBooked> BookReviewAsync(Practice practice) =>
        (await practice.App.Get<BookSlotsHandler>().HandleAsync(practice.Patient, practice.From(0), A.Receptionist, visitTypeId: practice.Review)).Value!;

    [Fact]
    public async Task ReceptionKeepsTheClinicianTenMinutesLonger_InOneAppend_AndThePatientIsEmailedTheNewEnd()
    {
        var practice = await StartAsync();
        await using var app = practice.App;
        var booked = await BookReviewAsync(practice);

        var changed = await app.Get<AppointmentPartsHandler>().SetAsync(booked.AppointmentId, ClinicianKind.Doctor,
            new(practice.Clinician, A.At(A.Tomorrow, 9, 10), A.At(A.Tomorrow, 9, 40)), A.Receptionist);

        Assert.True(changed.IsAccepted, changed.Rejection?.ToString());
        var doctorPart = changed.Value!.ToParts!.Single(p => p.Kind == ClinicianKind.Doctor);
        Assert.Equal(practice.CliniciansDay.Slots.Skip(1).Take(3).Select(s => s.SlotId), doctorPart.SlotIds);
        var booking = (await app.Get<ScheduleReadModel>().AppointmentAsync(booked.AppointmentId))!;
        Assert.Equal(("09:00", "09:40"), (Hm(booking.StartUtc), Hm(booking.EndUtc)));
        Assert.Equal(4, await app.Get<ScheduleReadModel>().MonthlyUsageAsync(practice.Patient, PracticeTime.MonthOf(A.Tomorrow)));
        await app.Get<PatientNotices>().CatchUpAsync();
        Assert.Single(await app.Get<EmailOutbox>().ListAsync(null, 50), row => row.Kind == "moved");
    }

    [Fact]
    public async Task ANurseJoinsAConsultation_AndLeavesItAgain_TheCliniciansTimeStaying()
    {
        var practice = await StartAsync();
        await using var app = practice.App;
        var consultation = (await app.Get<BookSlotsHandler>().HandleAsync(practice.Patient, [practice.CliniciansDay.Slots[0].SlotId], A.Receptionist)).Value!;
        var parts = app.Get<AppointmentPartsHandler>();

        var joined = await parts.SetAsync(consultation.AppointmentId, ClinicianKind.Nurse, new(practice.Nurse, A.At(A.Tomorrow, 9), A.At(A.Tomorrow, 9, 20)), A.Receptionist);
        Assert.True(joined.IsAccepted, joined.Rejection?.ToString());
        Assert.Equal(new[] { practice.Clinician, practice.Nurse }.Order(), joined.Value!.ToClinicians.Order());
        Assert.Single(await app.Get<ScheduleReadModel>().DayAppointmentsAsync(practice.Nurse, A.Tomorrow));

        var left = await parts.RemoveAsync(consultation.AppointmentId, ClinicianKind.Nurse, A.Receptionist);
        Assert.True(left.IsAccepted, left.Rejection?.ToString());
        Assert.Equal([practice.Clinician], left.Value!.ToClinicians);
        Assert.Equal([practice.CliniciansDay.Slots[0].SlotId], left.Value.ToSlots.Select(s => s.SlotId));
        Assert.All((await app.Get<ScheduleReadModel>().ClinicianDayAsync(practice.Nurse, A.Tomorrow)).Slots, slot => Assert.Null(slot.AppointmentId));

        Assert.Equal(Rejection.LastPart, (await parts.RemoveAsync(consultation.AppointmentId, ClinicianKind.Doctor, A.Receptionist)).Rejection);
        Assert.Equal(Rejection.PartNotFound, (await parts.RemoveAsync(consultation.AppointmentId, ClinicianKind.Counsellor, A.Receptionist)).Rejection);
    }

    [Fact]
    public async Task TheEmailOfAPartAddedOrDropped_OrAReassignment_SaysWhatChanged_NotThatTheVisitMoved()
    {
        var practice = await StartAsync();
        await using var app = practice.App;
        var colleague = await app.CreateUserAsync("Dr Ben Okafor", "okafor@clinic.test", Roles.Doctor);
        await app.Get<ScheduleDayHandler>().HandleAsync(colleague, A.Tomorrow, [new BlockOfTime(new(9, 0), new(10, 0))], Actor.Doctor(colleague));
        var consultation = (await app.Get<BookSlotsHandler>().HandleAsync(practice.Patient, [practice.CliniciansDay.Slots[0].SlotId], A.Receptionist)).Value!;
        var parts = app.Get<AppointmentPartsHandler>();
        Assert.True((await parts.SetAsync(consultation.AppointmentId, ClinicianKind.Nurse, new(practice.Nurse, A.At(A.Tomorrow, 9), A.At(A.Tomorrow, 9, 20)), A.Receptionist)).IsAccepted);
        Assert.True((await parts.RemoveAsync(consultation.AppointmentId, ClinicianKind.Nurse, A.Receptionist)).IsAccepted);
        Assert.True((await app.Get<Reassignments>().ReassignAsync(consultation.AppointmentId, colleague, A.Receptionist)).IsAccepted);

        var composer = app.Get<NoticeComposer>();
        var emails = new List<EmailMessage>();
        foreach (var moved in (await app.Get<IEventStore>().ReadAsync(Query.Tagged(Tag.Appointment(consultation.AppointmentId)))).Events.Where(e => e.Event is AppointmentMoved))
            emails.AddRange((await composer.ComposeAsync(moved)).Where(m => m.Email.To == "one@clinic.test").Select(m => m.Email));

        Assert.Equal(3, emails.Count);
        Assert.All(emails, email => Assert.DoesNotContain("Moved", email.Subject));
        Assert.Contains("is now with Dr Ada Hart and Nia Shaw, as Nia Shaw joins it; at 09:00–09:20 (it was 09:00–09:10).", emails[0].TextBody);
        Assert.Contains("is now with Dr Ada Hart only, as Nia Shaw is no longer part of it; at 09:00–09:10 (it was 09:00–09:20).", emails[1].TextBody);
        Assert.Contains($"at 09:00–09:10 has changed: it is now with Dr Ben Okafor instead of Dr Ada Hart. The time stays the same.", emails[2].TextBody);
        Assert.StartsWith("Changed: Dr Ben Okafor,", emails[2].Subject);
    }

    [Fact]
    public async Task PartChangesThatDoNotMakeAVisit_OrComeFromAPatient_AreRefusedAndChangeNothing()
    {
        var practice = await StartAsync();
        await using var app = practice.App;
        var booked = await BookReviewAsync(practice);
        var parts = app.Get<AppointmentPartsHandler>();

        // A gap: the nurse until 09:20, the doctor from 09:30.
        Assert.Equal(Rejection.PartsInvalid, (await parts.SetAsync(booked.AppointmentId, ClinicianKind.Doctor,
            new(practice.Clinician, A.At(A.Tomorrow, 9, 30), A.At(A.Tomorrow, 9, 50)), A.Receptionist)).Rejection);
        // The nurse's part given to a doctor.
        Assert.Equal(Rejection.PartsInvalid, (await parts.SetAsync(booked.AppointmentId, ClinicianKind.Nurse,
            new(practice.Clinician, A.At(A.Tomorrow, 9), A.At(A.Tomorrow, 9, 20)), A.Receptionist)).Rejection);
        Assert.Equal(Rejection.NotAllowed, (await parts.RemoveAsync(booked.AppointmentId, ClinicianKind.Nurse, Actor.Patient(practice.Patient))).Rejection);
        Assert.Single((await app.Get<IEventStore>().ReadAsync(Query.All)).Events, e => e.Event is SlotsBooked or AppointmentMoved);
    }

    [Fact]
    public async Task LengtheningACliniciansPartRacingAnAppointmentOfThatTime_ExactlyOneGetsIt()
    {
        for (var round = 0; round < 3; round++)
        {
            var practice = await StartAsync();
            await using var app = practice.App;
            var booked = await BookReviewAsync(practice);
            var other = await app.CreateUserAsync("Patient Two", "two@clinic.test", Roles.Patient);

            var (lengthened, consultation) = await Race.BothAtOnceAsync(
                () => app.Get<AppointmentPartsHandler>().SetAsync(booked.AppointmentId, ClinicianKind.Doctor,
                    new(practice.Clinician, A.At(A.Tomorrow, 9, 10), A.At(A.Tomorrow, 9, 40)), A.Receptionist),
                () => app.Get<BookSlotsHandler>().HandleAsync(other, [practice.CliniciansDay.Slots[3].SlotId], A.Receptionist));

            Assert.True(lengthened.IsAccepted ^ consultation.IsAccepted, $"part {lengthened.Rejection}, consultation {consultation.Rejection}");
            var holder = (await app.Get<ScheduleReadModel>().ClinicianDayAsync(practice.Clinician, A.Tomorrow)).Slots[3].AppointmentId;
            Assert.Equal(lengthened.IsAccepted ? booked.AppointmentId : consultation.Value!.AppointmentId, holder);
        }
    }

    [Fact]
    public async Task AReviewLeftWithTheClinicianAlone_IsReassignedToAnotherClinicianAsItNowStands()
    {
        var practice = await StartAsync();
        await using var app = practice.App;
        var other = await app.CreateUserAsync("Dr Ben Okafor", "okafor@clinic.test", Roles.Doctor);
        var othersDay = (await app.Get<ScheduleDayHandler>().HandleAsync(other, A.Tomorrow, [new BlockOfTime(new(9, 0), new(10, 0))], Actor.Doctor(other))).Value!;
        var booked = await BookReviewAsync(practice);
        Assert.True((await app.Get<AppointmentPartsHandler>().RemoveAsync(booked.AppointmentId, ClinicianKind.Nurse, A.Receptionist)).IsAccepted);

        var reassigned = await app.Get<Reassignments>().ReassignAsync(booked.AppointmentId, other, A.Receptionist);

        Assert.True(reassigned.IsAccepted, reassigned.Rejection?.ToString());
        var part = Assert.Single(reassigned.Value!.ToParts!);
        Assert.Equal(other, part.ClinicianId);
        Assert.Equal([othersDay.Slots[1].SlotId, othersDay.Slots[2].SlotId], part.SlotIds);
    }
}
