using ClinicPortal.Domain.Conflicts;
using ClinicPortal.Domain;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Features.Admin.Audit;
using ClinicPortal.Features.Admin.Rooms;
using ClinicPortal.Features.Booking.BookSlots;
using ClinicPortal.Features.Booking.ChangeRoom;
using ClinicPortal.Features.Conflicts;
using ClinicPortal.Features.Notifications;
using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Application.Queries;
using ClinicPortal.Infrastructure.ReadModels;
using ClinicPortal.Tests.Unit.Support;

namespace ClinicPortal.Tests.Unit.Rooms;

/// <summary>
/// Staff put an appointment in another room on a real SQLite file: the read models follow, the patient is emailed the room,
/// a closed room's appointments are offered the rooms free then on the desk, and a room clash needs a reason.
/// </summary>
public class ChangeRoomTests
{
    private sealed record Practice(TestApp App, Actor Owner, Guid Treatment, Guid Quiet, Guid Hart, Guid Okafor, SlotsBooked Booked, DayScheduled OkaforsDay)
    {
        public Task<IReadOnlyList<OpenConflict>> OpenAsync() => App.Get<ConflictsReadModel>().OpenAsync(App.Clock.GetUtcNow());
    }

    /// <summary>Dr Hart's morning in the treatment room with Patient One at 09:00; Dr Okafor 09:00–10:00 in no room; a quiet room free.</summary>
    private static async Task<Practice> StartAsync()
    {
        var app = await TestApp.StartAsync();
        var owner = Actor.Admin(await app.CreateUserAsync("Practice Owner", "owner@clinic.test", Roles.Admin));
        var rooms = app.Get<DefineRoomHandler>();
        var treatment = (await rooms.HandleAsync(null, new RoomForm("Treatment room", ["treatment"]), owner)).Value!.RoomId;
        var quiet = (await rooms.HandleAsync(null, new RoomForm("Quiet room", ["step-free"]), owner)).Value!.RoomId;
        var hart = await app.CreateUserAsync("Dr Ada Hart", "hart@clinic.test", Roles.Doctor);
        var okafor = await app.CreateUserAsync("Dr Ben Okafor", "okafor@clinic.test", Roles.Doctor);
        var patient = await app.CreateUserAsync("Patient One", "one@clinic.test", Roles.Patient);
        var schedule = app.Get<Features.Scheduling.ScheduleDay.ScheduleDayHandler>();
        var hartsDay = (await schedule.HandleAsync(hart, A.Tomorrow, [new BlockOfTime(new(9, 0), new(10, 0), RoomId: treatment)], Actor.Doctor(hart))).Value!;
        var okaforsDay = (await schedule.HandleAsync(okafor, A.Tomorrow, [new BlockOfTime(new(9, 0), new(10, 0))], Actor.Doctor(okafor))).Value!;
        var booked = (await app.Get<BookSlotsHandler>().HandleAsync(patient, [hartsDay.Slots[0].SlotId], A.Receptionist)).Value!;
        return new Practice(app, owner, treatment, quiet, hart, okafor, booked, okaforsDay);
    }

    [Fact]
    public async Task PuttingTheAppointmentInTheQuietRoom_MovesItThereInTheReadModels_AndEmailsThePatientTheRoom()
    {
        var practice = await StartAsync();
        await using var app = practice.App;

        var changed = await app.Get<ChangeRoomHandler>().HandleAsync(practice.Booked.AppointmentId, practice.Quiet, A.Receptionist);

        Assert.True(changed.IsAccepted, changed.Rejection?.ToString());
        Assert.Equal(practice.Quiet, (await app.Get<ScheduleReadModel>().AppointmentAsync(practice.Booked.AppointmentId))!.RoomId);
        var taken = Assert.Single(await app.Get<ScheduleReadModel>().RoomsTakenAsync(A.Tomorrow));
        Assert.Equal(practice.Quiet, taken.Time.RoomId);
        var stored = (await app.Get<AuditTrail>().ReadAsync(new AuditFilter(Limit: 1)))[0];
        var mail = Assert.Single(await app.Get<NoticeComposer>().ComposeAsync(stored));
        Assert.StartsWith("Room changed: Dr Ada Hart", mail.Email.Subject);
        Assert.Contains("is now in Quiet room", mail.Email.TextBody);
        var audit = new AuditText(new Dictionary<Guid, string> { [practice.Hart] = "Dr Ada Hart", [practice.Booked.PatientId] = "Patient One" }, t => t.ToString("HH:mm"),
            rooms: new Dictionary<Guid, string> { [practice.Treatment] = "Treatment room", [practice.Quiet] = "Quiet room" });
        Assert.Contains("from Treatment room to Quiet room", audit.What(stored.Event));

        Assert.Equal(Rejection.AlreadyInThatRoom, (await app.Get<ChangeRoomHandler>().HandleAsync(practice.Booked.AppointmentId, practice.Quiet, A.Receptionist)).Rejection);
        Assert.Equal(Rejection.NotAllowed, (await app.Get<ChangeRoomHandler>().HandleAsync(practice.Booked.AppointmentId, practice.Treatment, Actor.Patient(practice.Booked.PatientId))).Rejection);
    }

    [Fact]
    public async Task WhenTheTreatmentRoomGoesOutOfUse_TheDeskOffersTheQuietRoom_AndPuttingItThereResolvesTheConflict()
    {
        var practice = await StartAsync();
        await using var app = practice.App;
        Assert.True((await app.Get<DefineRoomHandler>().HandleAsync(practice.Treatment, new RoomForm("Treatment room", ["treatment"], InUse: false), practice.Owner)).IsAccepted);
        var conflict = Assert.Single(await practice.OpenAsync());
        Assert.Equal(ConflictKinds.RoomOutOfUse, conflict.Kind);

        var booking = (await app.Get<ScheduleReadModel>().AppointmentAsync(conflict.AppointmentId))!;
        Assert.Equal([("Quiet room", practice.Quiet)], (await app.Get<RoomOptions>().ForAsync(booking)).Select(o => (o.Name, o.RoomId)));
        Assert.True((await app.Get<ChangeRoomHandler>().HandleAsync(conflict.AppointmentId, practice.Quiet, A.Receptionist)).IsAccepted);

        Assert.Empty(await practice.OpenAsync());
        var live = await ReadModels.RebuildTests.DumpAsync(app);
        await app.Get<ReadModelRebuilder>().RebuildAllAsync();
        Assert.Equal(live, await ReadModels.RebuildTests.DumpAsync(app));
        await PostgresReplica.AssertSameReadModelsAsync(app); // and the same rows on PostgreSQL
    }

    [Fact]
    public async Task AnotherAppointmentInTheQuietRoomThen_NeedsAReason_AndThePairIsOnTheDesk()
    {
        var practice = await StartAsync();
        await using var app = practice.App;
        var other = await app.CreateUserAsync("Patient Two", "two@clinic.test", Roles.Patient);
        var okafors = (await app.Get<BookSlotsHandler>().HandleAsync(other, [practice.OkaforsDay.Slots[0].SlotId], A.Receptionist)).Value!;
        var rooms = app.Get<ChangeRoomHandler>();
        Assert.True((await rooms.HandleAsync(okafors.AppointmentId, practice.Quiet, A.Receptionist)).IsAccepted);
        var options = await app.Get<RoomOptions>().ForAsync((await app.Get<ScheduleReadModel>().AppointmentAsync(practice.Booked.AppointmentId))!);
        Assert.Empty(options); // the quiet room holds Dr Okafor's patient then

        Assert.Equal(Rejection.RoomAlreadyBooked, (await rooms.HandleAsync(practice.Booked.AppointmentId, practice.Quiet, A.Receptionist)).Rejection);
        Assert.True((await rooms.HandleAsync(practice.Booked.AppointmentId, practice.Quiet, A.Receptionist, "Both need step-free access")).IsAccepted);

        var conflict = Assert.Single(await practice.OpenAsync());
        Assert.Equal((ConflictKinds.RoomDoubleBooked, practice.Quiet, "Both need step-free access"), (conflict.Kind, conflict.RoomId, conflict.OverrideReason));
        // Moving Dr Okafor's patient to 09:10 takes that time's room (none): the clash ends.
        Assert.True((await app.Get<Features.Booking.MoveAppointment.MoveAppointmentHandler>().HandleAsync(okafors.AppointmentId, [practice.OkaforsDay.Slots[1].SlotId], A.Receptionist)).IsAccepted);
        Assert.Empty(await practice.OpenAsync());
    }
}
