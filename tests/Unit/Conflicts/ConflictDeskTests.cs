using ClinicPortal.Domain.Conflicts;
using ClinicPortal.Domain;
using ClinicPortal.Domain.Rooms;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Features.Admin.Rooms;
using ClinicPortal.Features.Admin.Staff;
using ClinicPortal.Features.Booking.BookSlots;
using ClinicPortal.Features.Booking.CancelAppointment;
using ClinicPortal.Features.Conflicts;
using ClinicPortal.Features.Notifications;
using ClinicPortal.Features.Scheduling.ScheduleDay;
using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Infrastructure.Data;
using ClinicPortal.Infrastructure.Email;
using ClinicPortal.Infrastructure.Practice;
using ClinicPortal.Application.Queries;
using ClinicPortal.Infrastructure.ReadModels;
using ClinicPortal.Tests.Unit.Support;
using ClinicPortal.Infrastructure.Sqlite;

namespace ClinicPortal.Tests.Unit.Conflicts;

/// <summary>
/// The conflicts read model on a real SQLite file, kept by the log: a conflict opens on the event that makes it true and
/// closes on the one that makes it untrue, and a rebuild from the log gives the same rows.
/// </summary>
public class ConflictDeskTests
{
    /// <summary>A practice of two doctors with tomorrow 09:00–10:00 each, an owner and two patients.</summary>
    private sealed record Practice(TestApp App, Guid Owner, Guid Lind, Guid Okafor, Guid Patient, Guid OtherPatient, DayScheduled LindsDay, DayScheduled OkaforsDay)
    {
        public Actor OwnerActor => Actor.Admin(Owner);

        public async Task<SlotsBooked> BookAsync(Guid patient, Guid slot, Actor? by = null, string? overrideReason = null) =>
            (await App.Get<BookSlotsHandler>().HandleAsync(patient, [slot], by ?? A.Receptionist, overrideReason: overrideReason)).Value
            ?? throw new InvalidOperationException("the booking was refused");

        public Task<IReadOnlyList<OpenConflict>> OpenAsync() => App.Get<ConflictsReadModel>().OpenAsync(App.Clock.GetUtcNow());
    }

    private static async Task<Practice> StartAsync(Guid? lindsRoom = null)
    {
        var app = await TestApp.StartAsync();
        var owner = await app.CreateUserAsync("Practice Owner", "owner@clinic.test", Roles.Admin);
        var lind = await app.CreateUserAsync("Dr Chloe Lind", "lind@clinic.test", Roles.Doctor);
        var okafor = await app.CreateUserAsync("Dr Ben Okafor", "okafor@clinic.test", Roles.Doctor);
        var patient = await app.CreateUserAsync("Patient One", "one@clinic.test", Roles.Patient);
        var other = await app.CreateUserAsync("Patient Two", "two@clinic.test", Roles.Patient);
        var schedule = app.Get<ScheduleDayHandler>();
        var lindsDay = (await schedule.HandleAsync(lind, A.Tomorrow, [new BlockOfTime(new(9, 0), new(10, 0), RoomId: lindsRoom)], Actor.Doctor(lind))).Value!;
        var okaforsDay = (await schedule.HandleAsync(okafor, A.Tomorrow, [new BlockOfTime(new(9, 0), new(10, 0))], Actor.Doctor(okafor))).Value!;
        return new Practice(app, owner, lind, okafor, patient, other, lindsDay, okaforsDay);
    }

    private static async Task<List<string>> ConflictRowsAsync(TestApp app)
    {
        await using var connection = await app.Get<SqliteDatabase>().OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT kind, booking_id, resolution FROM rm_conflicts ORDER BY opened_position, conflict_id;";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
            rows.Add($"{reader.GetString(0)} {reader.GetString(1)} {(reader.IsDBNull(2) ? "open" : reader.GetString(2))}");
        return rows;
    }

    [Fact]
    public async Task DeactivatingAClinicianPutsTheirAppointmentsToComeOnTheDesk_ReassigningResolvesOne_ReactivatingTheRest()
    {
        var practice = await StartAsync();
        await using var app = practice.App;
        var first = await practice.BookAsync(practice.Patient, practice.LindsDay.Slots[0].SlotId);
        var second = await practice.BookAsync(practice.OtherPatient, practice.LindsDay.Slots[3].SlotId);
        await practice.BookAsync(practice.OtherPatient, practice.OkaforsDay.Slots[5].SlotId); // Okafor's own: never on the desk
        Assert.Empty(await practice.OpenAsync());

        Assert.True((await app.Get<SetStaffActiveHandler>().HandleAsync(practice.Lind, false, practice.OwnerActor)).IsAccepted);

        var open = await practice.OpenAsync();
        Assert.Equal([first.AppointmentId, second.AppointmentId], open.Select(c => c.AppointmentId));
        Assert.All(open, c => Assert.Equal((ConflictKinds.ClinicianInactive, practice.Lind, practice.Owner.ToString()), (c.Kind, c.ClinicianId, c.OpenedBy)));
        Assert.False((await app.Get<PeopleDirectory>().FindAsync(practice.Lind))!.IsActive);

        // The suggestions: Okafor is free at 09:00 for the whole visit.
        var booking = (await app.Get<ScheduleReadModel>().AppointmentAsync(first.AppointmentId))!;
        var option = Assert.Single(await app.Get<Reassignments>().OptionsAsync(booking));
        Assert.Equal((practice.Okafor, "Dr Ben Okafor", practice.OkaforsDay.Slots[0].SlotId), (option.ClinicianId, option.Name, option.SlotIds[0]));

        var reassigned = await app.Get<Reassignments>().ReassignAsync(first.AppointmentId, practice.Okafor, A.Receptionist);
        Assert.True(reassigned.IsAccepted, reassigned.Rejection?.ToString());
        Assert.True(reassigned.Value!.IsReassignment);
        Assert.Equal([second.AppointmentId], (await practice.OpenAsync()).Select(c => c.AppointmentId));
        Assert.Equal(Rejection.ClinicianNotFree, (await app.Get<Reassignments>().ReassignAsync(second.AppointmentId, practice.Patient, A.Receptionist)).Rejection);

        Assert.True((await app.Get<SetStaffActiveHandler>().HandleAsync(practice.Lind, true, practice.OwnerActor)).IsAccepted);
        Assert.Empty(await practice.OpenAsync());
        Assert.Equal(
            [$"{ConflictKinds.ClinicianInactive} {first.AppointmentId} reassigned", $"{ConflictKinds.ClinicianInactive} {second.AppointmentId} clinician reactivated"],
            await ConflictRowsAsync(app));

        var live = await ConflictRowsAsync(app);
        await app.Get<ReadModelRebuilder>().RebuildAllAsync();
        Assert.Equal(live, await ConflictRowsAsync(app));
    }

    [Fact]
    public async Task ReceptionIsEmailedOnceForTheConflictsADeactivationOpened_AtTheReceptionAddress()
    {
        var practice = await StartAsync();
        await using var app = practice.App;
        var settings = app.Get<PracticeSettings>();
        Assert.Null(await settings.SaveAsync(settings.Current with { ReceptionEmail = "desk@clinic.test" }));
        await practice.BookAsync(practice.Patient, practice.LindsDay.Slots[0].SlotId);
        await practice.BookAsync(practice.OtherPatient, practice.LindsDay.Slots[3].SlotId);
        await app.Get<SetStaffActiveHandler>().HandleAsync(practice.Lind, false, practice.OwnerActor);

        await app.Get<PatientNotices>().CatchUpAsync();
        await app.Get<PatientNotices>().CatchUpAsync();

        var alert = Assert.Single(await app.Get<EmailOutbox>().ListAsync(null, 50), row => row.Kind == "conflict");
        Assert.Equal(("desk@clinic.test", "New conflicts: 2 appointments need you"), (alert.Recipient, alert.Subject));
    }

    [Fact]
    public async Task ARoomTakenOutOfUseOpensAConflictForItsAppointments_AndBackInUseClosesIt()
    {
        var owner = Actor.Admin(A.Id("owner"));
        var practice = await StartAsync();
        await using var app = practice.App;
        var define = app.Get<DefineRoomHandler>();
        var room = Room.From((await define.HandleAsync(null, new RoomForm("Treatment room", ["treatment"]), owner)).Value!);
        var inRoom = (await app.Get<ScheduleDayHandler>().HandleAsync(practice.Okafor, A.Tomorrow.AddDays(1),
            [new BlockOfTime(new(9, 0), new(10, 0), RoomId: room.Id)], Actor.Doctor(practice.Okafor))).Value!;
        var booked = await practice.BookAsync(practice.Patient, inRoom.Slots[1].SlotId);
        await practice.BookAsync(practice.OtherPatient, practice.LindsDay.Slots[0].SlotId); // in no room

        await define.HandleAsync(room.Id, new RoomForm("Treatment room", ["treatment"], InUse: false), owner);
        var conflict = Assert.Single(await practice.OpenAsync());
        Assert.Equal((ConflictKinds.RoomOutOfUse, booked.AppointmentId, room.Id), (conflict.Kind, conflict.AppointmentId, conflict.RoomId));

        await define.HandleAsync(room.Id, new RoomForm("Treatment room", ["treatment"], InUse: true), owner);
        Assert.Empty(await practice.OpenAsync());
        Assert.Equal([$"{ConflictKinds.RoomOutOfUse} {booked.AppointmentId} room back in use"], await ConflictRowsAsync(app));
    }

    [Fact]
    public async Task StaffAppointmentOverThePatientsOwnAppointmentOpensADoubleAppointment_WithTheirReason_AndCancellingOneClosesIt()
    {
        var practice = await StartAsync();
        await using var app = practice.App;
        var held = await practice.BookAsync(practice.Patient, practice.LindsDay.Slots[0].SlotId);
        var refused = await app.Get<BookSlotsHandler>().HandleAsync(practice.Patient, [practice.OkaforsDay.Slots[0].SlotId], A.Receptionist);
        Assert.Equal(Rejection.PatientAlreadyBookedAtThatTime, refused.Rejection);

        var over = await practice.BookAsync(practice.Patient, practice.OkaforsDay.Slots[0].SlotId, overrideReason: "Seen by both together");

        var conflict = Assert.Single(await practice.OpenAsync());
        Assert.Equal((ConflictKinds.PatientDoubleBooked, over.AppointmentId, held.AppointmentId), (conflict.Kind, conflict.AppointmentId, conflict.OtherAppointmentId));
        Assert.Equal((A.Receptionist.Name, "Seen by both together"), (conflict.OverrideBy, conflict.OverrideReason));

        Assert.True((await app.Get<CancelAppointmentHandler>().HandleAsync(held.AppointmentId, A.Receptionist)).IsAccepted);
        Assert.Empty(await practice.OpenAsync());
        Assert.Equal([$"{ConflictKinds.PatientDoubleBooked} {over.AppointmentId} cancelled"], await ConflictRowsAsync(app));
    }

    [Fact]
    public async Task AReassignRacingAnotherAppointmentOfTheNewClinciansTime_ExactlyOneGetsIt()
    {
        for (var round = 0; round < 3; round++)
        {
            var practice = await StartAsync();
            await using var app = practice.App;
            var first = await practice.BookAsync(practice.Patient, practice.LindsDay.Slots[0].SlotId);
            await app.Get<SetStaffActiveHandler>().HandleAsync(practice.Lind, false, practice.OwnerActor);
            var target = practice.OkaforsDay.Slots[0].SlotId;

            var (reassigned, booked) = await Race.BothAtOnceAsync(
                () => app.Get<Reassignments>().ReassignAsync(first.AppointmentId, practice.Okafor, A.Receptionist),
                () => app.Get<BookSlotsHandler>().HandleAsync(practice.OtherPatient, [target], Actor.Patient(practice.OtherPatient)));

            Assert.True(reassigned.IsAccepted ^ booked.IsAccepted, $"reassign {reassigned.Rejection}, booking {booked.Rejection}");
            var slot = (await app.Get<ScheduleReadModel>().ClinicianDayAsync(practice.Okafor, A.Tomorrow)).Slots.Single(s => s.SlotId == target);
            Assert.Equal(reassigned.IsAccepted ? first.AppointmentId : booked.Value!.AppointmentId, slot.AppointmentId);
            // The appointment left on Dr Lind is still on the desk when the reassignment lost.
            Assert.Equal(reassigned.IsAccepted ? 0 : 1, (await practice.OpenAsync()).Count);
        }
    }
}
