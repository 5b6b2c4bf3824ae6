using ClinicPortal.Domain.Conflicts;
using ClinicPortal.Domain;
using ClinicPortal.Domain.Rooms;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Domain.VisitTypes;
using ClinicPortal.Features.Admin.Rooms;
using ClinicPortal.Features.Admin.VisitTypes;
using ClinicPortal.Features.Booking.BookSlots;
using ClinicPortal.Features.Booking.CancelAppointment;
using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Application.Queries;
using ClinicPortal.Infrastructure.ReadModels;
using ClinicPortal.Tests.Unit.Support;

namespace ClinicPortal.Tests.Unit.Rooms;

/// <summary>
/// An appointment holds its room for its whole span, on a real SQLite file: the conditional append keeps a room to one
/// appointment at a time across clinicians, availability leaves such times out, and an override is on the conflicts desk.
/// </summary>
public class AppointmentRoomTests
{
    /// <summary>
    /// The treatment room: the nurse there 09:00–09:20 and Dr Okafor 09:20–10:00; Dr Hart 09:00–10:00 in no room. A Diabetes
    /// review at 09:00 (the nurse 09:00–09:20, Dr Hart 09:10–09:30) holds the room until 09:30.
    /// </summary>
    private sealed record Practice(TestApp App, Guid Room, Guid Nurse, Guid Hart, Guid Okafor, Guid Patient, Guid OtherPatient, Guid Review,
        DayScheduled NursesDay, DayScheduled HartsDay, DayScheduled OkaforsDay)
    {
        public Guid[] ReviewAt0900 => [NursesDay.Slots[0].SlotId, NursesDay.Slots[1].SlotId, HartsDay.Slots[1].SlotId, HartsDay.Slots[2].SlotId];

        public Task<Checked<SlotsBooked>> BookReviewAsync() =>
            App.Get<BookSlotsHandler>().HandleAsync(Patient, ReviewAt0900, A.Receptionist, visitTypeId: Review);

        /// <summary>Dr Okafor's consultation from his slot n (0: 09:20), in the room.</summary>
        public Task<Checked<SlotsBooked>> BookOkaforAsync(int n, string? overrideReason = null) =>
            App.Get<BookSlotsHandler>().HandleAsync(OtherPatient, [OkaforsDay.Slots[n].SlotId], A.Receptionist, overrideReason: overrideReason);
    }

    private static async Task<Practice> StartAsync()
    {
        var app = await TestApp.StartAsync();
        var owner = Actor.Admin(await app.CreateUserAsync("Practice Owner", "owner@clinic.test", Roles.Admin));
        var room = (await app.Get<DefineRoomHandler>().HandleAsync(null, new RoomForm("Treatment room", ["treatment"]), owner)).Value!.RoomId;
        var nurse = await app.CreateUserAsync("Nia Shaw", "nia@clinic.test", Roles.Nurse);
        var hart = await app.CreateUserAsync("Dr Ada Hart", "hart@clinic.test", Roles.Doctor);
        var okafor = await app.CreateUserAsync("Dr Ben Okafor", "okafor@clinic.test", Roles.Doctor);
        var patient = await app.CreateUserAsync("Patient One", "one@clinic.test", Roles.Patient);
        var other = await app.CreateUserAsync("Patient Two", "two@clinic.test", Roles.Patient);
        var review = (await app.Get<DefineVisitTypeHandler>().HandleAsync(null,
            new VisitTypeForm("Diabetes review", "", 0, [], [], true, "#2e7d32", Parts: [new(ClinicianKind.Nurse, 0, 20), new(ClinicianKind.Doctor, 10, 20)]),
            owner)).Value!.VisitTypeId;
        var schedule = app.Get<Features.Scheduling.ScheduleDay.ScheduleDayHandler>();
        var nursesDay = (await schedule.HandleAsync(nurse, A.Tomorrow, [new BlockOfTime(new(9, 0), new(9, 20), RoomId: room)],
            Actor.Clinician(nurse, ClinicianKind.Nurse))).Value!;
        var hartsDay = (await schedule.HandleAsync(hart, A.Tomorrow, [new BlockOfTime(new(9, 0), new(10, 0))], Actor.Doctor(hart))).Value!;
        var okaforsDay = (await schedule.HandleAsync(okafor, A.Tomorrow, [new BlockOfTime(new(9, 20), new(10, 0), RoomId: room)], Actor.Doctor(okafor))).Value!;
        return new Practice(app, room, nurse, hart, okafor, patient, other, review, nursesDay, hartsDay, okaforsDay);
    }

    private static string Hm(DateTimeOffset instant) => PracticeTime.ToLocal(instant, A.London).ToString("HH:mm");

    /// <summary>Every live appointment's time in the room, as the schedule read model has it.</summary>
    private static async Task<IReadOnlyList<RoomTaken>> InTheRoomAsync(Practice practice) =>
        await practice.App.Get<ScheduleReadModel>().RoomsTakenAsync(A.Tomorrow);

    [Fact]
    public async Task TwoReceptionistsAppointmentTheRoomForOverlappingAppointmentsWithDifferentClinicians_ExactlyOneGetsIt()
    {
        for (var round = 0; round < 3; round++)
        {
            var practice = await StartAsync();
            await using var app = practice.App;

            // The review (the nurse's time in the room, Dr Hart's in none) against Dr Okafor's 09:20 in the room: no slot is shared.
            var (review, consultation) = await Race.BothAtOnceAsync(() => practice.BookReviewAsync(), () => practice.BookOkaforAsync(0));

            Assert.True(review.IsAccepted ^ consultation.IsAccepted, $"review {review.Rejection}, consultation {consultation.Rejection}");
            Assert.Equal(Rejection.RoomAlreadyBooked, (review.IsAccepted ? consultation : review).Rejection);
            var taken = await InTheRoomAsync(practice);
            Assert.Single(taken);
            Assert.Equal(practice.Room, taken[0].Time.RoomId);
        }
    }

    [Fact]
    public async Task WhileTheReviewHoldsTheRoom_ItsTimeIsNotOffered_ButStaffWhoAskSeeItMarked_AndOverridingPutsItOnTheDesk()
    {
        var practice = await StartAsync();
        await using var app = practice.App;
        var review = (await practice.BookReviewAsync()).Value!;
        Assert.Equal(practice.Room, review.RoomId);
        var consultation = (await app.Get<VisitTypeCatalogueReadModel>().FindAsync(VisitType.ForSlotCount(1)))!;
        var availability = app.Get<Availability>();

        var offered = (await availability.DayAsync(consultation, A.Tomorrow, byPatient: true, practice.Okafor)).Clinicians.Single();
        Assert.Equal(["09:30", "09:40", "09:50"], offered.Offers.Select(o => Hm(o.StartUtc)));
        var forStaff = await availability.DayAsync(consultation, A.Tomorrow, byPatient: false, practice.Okafor, clashes: true);
        Assert.Equal(["09:20"], forStaff.Clinicians.Single().Offers.Where(o => o.RoomClash).Select(o => Hm(o.StartUtc)));
        Assert.Equal(1, (await availability.DayAsync(consultation, A.Tomorrow, byPatient: false, practice.Okafor)).HiddenForRoom);

        Assert.Equal(Rejection.RoomAlreadyBooked, (await practice.BookOkaforAsync(0)).Rejection);
        var over = await practice.BookOkaforAsync(0, "A dressing, two minutes");
        Assert.True(over.IsAccepted, over.Rejection?.ToString());

        var conflict = Assert.Single(await app.Get<ConflictsReadModel>().OpenAsync(app.Clock.GetUtcNow()));
        Assert.Equal((ConflictKinds.RoomDoubleBooked, practice.Room, "A dressing, two minutes"), (conflict.Kind, conflict.RoomId, conflict.OverrideReason));
        Assert.Equal(new[] { review.AppointmentId, over.Value!.AppointmentId }.Order(), new[] { conflict.AppointmentId, conflict.OtherAppointmentId!.Value }.Order());
        var live = await ReadModels.RebuildTests.DumpAsync(app);
        await app.Get<ReadModelRebuilder>().RebuildAllAsync();
        Assert.Equal(live, await ReadModels.RebuildTests.DumpAsync(app));
        await PostgresReplica.AssertSameReadModelsAsync(app); // and the same rows on PostgreSQL

        Assert.True((await app.Get<CancelAppointmentHandler>().HandleAsync(over.Value.AppointmentId, A.Receptionist)).IsAccepted);
        Assert.Empty(await app.Get<ConflictsReadModel>().OpenAsync(app.Clock.GetUtcNow()));
        Assert.True((await practice.BookOkaforAsync(1)).IsAccepted); // 09:30: the review has left the room
    }

    [Fact]
    public async Task AReviewLoggedBeforeAppointmentsNamedTheirRoom_IsKeptOutOfTheOffers_AndAnAppointmentOverItAnywayGoesOnTheDesk()
    {
        var practice = await StartAsync();
        await using var app = practice.App;
        // As the version before logged it: no room named, so no room-day tag; the nurse's slots are in the treatment room.
        var (n, h) = (practice.NursesDay.Slots, practice.HartsDay.Slots);
        var old = new SlotsBooked(A.Id("old-review"), practice.Patient, practice.Nurse, A.Tomorrow, [n[0], h[1], n[1], h[2]], "reception", practice.Review,
            Parts: [new(ClinicianKind.Nurse, practice.Nurse, [n[0].SlotId, n[1].SlotId]), new(ClinicianKind.Doctor, practice.Hart, [h[1].SlotId, h[2].SlotId])]);
        Assert.DoesNotContain(ClinicPortal.Domain.EventStore.EventTags.Of(old), tag => tag.Value.StartsWith("room-day:", StringComparison.Ordinal));
        await app.Get<ClinicPortal.Application.IEventStore>().AppendAsync([old], new ClinicPortal.Application.EventMetadata("reception", app.Clock.GetUtcNow()), null);

        // The read models give it the room of its slots' block: Dr Okafor's 09:20 in the room is not offered while it is there until 09:30.
        Assert.Equal(practice.Room, Assert.Single(await InTheRoomAsync(practice)).Time.RoomId);
        var consultation = (await app.Get<VisitTypeCatalogueReadModel>().FindAsync(VisitType.ForSlotCount(1)))!;
        var offered = (await app.Get<Availability>().DayAsync(consultation, A.Tomorrow, byPatient: true, practice.Okafor)).Clinicians.Single();
        Assert.Equal("09:30", Hm(offered.Offers[0].StartUtc));

        // Its log events name no room, so the append's condition cannot see it: a booking there anyway is not refused, but it is
        // found and put in front of a person.
        Assert.True((await practice.BookOkaforAsync(0)).IsAccepted);
        var conflict = Assert.Single(await app.Get<ConflictsReadModel>().OpenAsync(app.Clock.GetUtcNow()));
        Assert.Equal((ConflictKinds.RoomDoubleBooked, practice.Room, (string?)null), (conflict.Kind, conflict.RoomId, conflict.OverrideReason));
    }

    [Fact]
    public async Task CancellingTheReviewGivesTheRoomBack()
    {
        var practice = await StartAsync();
        await using var app = practice.App;
        var review = (await practice.BookReviewAsync()).Value!;

        Assert.True((await app.Get<CancelAppointmentHandler>().HandleAsync(review.AppointmentId, A.Receptionist)).IsAccepted);

        Assert.Empty(await InTheRoomAsync(practice));
        Assert.True((await practice.BookOkaforAsync(0)).IsAccepted);
    }

    [Fact]
    public async Task ReassigningTheCliniciansPart_OffersOnlyCliniciansWhoseTimeKeepsTheVisitInItsRoom()
    {
        var practice = await StartAsync();
        await using var app = practice.App;
        var review = (await practice.BookReviewAsync()).Value!;
        var owner = Actor.Admin(await app.CreateUserAsync("Second Owner", "owner2@clinic.test", Roles.Admin));
        var otherRoom = (await app.Get<DefineRoomHandler>().HandleAsync(null, new RoomForm("Room 2", []), owner)).Value!.RoomId;
        var lind = await app.CreateUserAsync("Dr Chloe Lind", "lind@clinic.test", Roles.Doctor);
        var ng = await app.CreateUserAsync("Dr Sam Ng", "ng@clinic.test", Roles.Doctor);
        var schedule = app.Get<Features.Scheduling.ScheduleDay.ScheduleDayHandler>();
        Assert.True((await schedule.HandleAsync(lind, A.Tomorrow, [new BlockOfTime(new(9, 0), new(10, 0), RoomId: otherRoom)], Actor.Doctor(lind))).IsAccepted);
        Assert.True((await schedule.HandleAsync(ng, A.Tomorrow, [new BlockOfTime(new(9, 0), new(10, 0))], Actor.Doctor(ng))).IsAccepted);

        var booking = (await app.Get<ScheduleReadModel>().AppointmentAsync(review.AppointmentId))!;
        var options = await app.Get<Features.Conflicts.Reassignments>().OptionsAsync(booking, replacing: practice.Hart);

        // Dr Lind's time is in Room 2, and the visit is in the treatment room: only Dr Ng (in no room) keeps it whole.
        Assert.Equal(["Dr Sam Ng"], options.Select(o => o.Name));
    }
}
