using ClinicPortal.Application;
using ClinicPortal.Domain;
using ClinicPortal.Domain.Rooms;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Domain.VisitTypes;
using ClinicPortal.Features.Admin.Rooms;
using ClinicPortal.Features.Admin.VisitTypes;
using ClinicPortal.Features.Booking.BookSlots;
using ClinicPortal.Features.Scheduling.ScheduleDay;
using ClinicPortal.Application.Queries;
using ClinicPortal.Infrastructure.ReadModels;
using ClinicPortal.Tests.Unit.Support;

namespace ClinicPortal.Tests.Unit.Rooms;

/// <summary>Rooms on a real SQLite file: the conditional append keeps a room to one clinician's block, and the read models follow.</summary>
public class RoomsInUseTests
{
    private static readonly Actor Owner = DefineRoomSpecs.Owner;

    private static async Task<Room> AddRoomAsync(TestApp app, string name, params string[] features) =>
        Room.From((await app.Get<DefineRoomHandler>().HandleAsync(null, new RoomForm(name, features), Owner)).Value!);

    [Fact]
    public async Task TwoCliniciansSchedulingOneRoomForOverlappingTimesAtOnce_OneGetsIt_AndTheRoomEndsHeldByOneBlockAtATime()
    {
        await using var app = await TestApp.StartAsync();
        var room = await AddRoomAsync(app, "Treatment room", "treatment");
        var clinicians = Enumerable.Range(0, 6).Select(_ => Guid.NewGuid()).ToArray();

        // Six clinicians, each asking for the room from 09:00 (each a little later and longer), released together.
        var results = await Race.AtOnceAsync(clinicians.Length, i =>
            app.Get<ScheduleDayHandler>().HandleAsync(clinicians[i], A.Tomorrow,
                [new BlockOfTime(new(9, 0), new(10 + i / 2, (i % 2) * 30), RoomId: room.Id)], Actor.Doctor(clinicians[i])));

        Assert.Single(results, r => r.IsAccepted);
        Assert.All(results.Where(r => !r.IsAccepted), r => Assert.Contains(r.Rejection, new Rejection?[] { Rejection.RoomInUse, Rejection.Conflict }));
        var time = await app.Get<ScheduleReadModel>().RoomTimeAsync(A.Tomorrow);
        Assert.Single(time.Select(t => t.ClinicianId).Distinct());
        Assert.Equal(time.Count, time.Select(t => t.StartUtc).Distinct().Count());
    }

    [Fact]
    public async Task AClinicianTakingBackTheirTimeInARoomGivesItToTheNext()
    {
        await using var app = await TestApp.StartAsync();
        var room = await AddRoomAsync(app, "Room 1");
        var schedule = app.Get<ScheduleDayHandler>();
        var first = (await schedule.HandleAsync(A.ClinicianId, A.Tomorrow, [new BlockOfTime(new(9, 0), new(10, 0), RoomId: room.Id)], A.Clinician)).Value!;
        Assert.Equal(Rejection.RoomInUse, (await schedule.HandleAsync(A.OtherClinicianId, A.Tomorrow,
            [new BlockOfTime(new(9, 30), new(10, 30), RoomId: room.Id)], Actor.Doctor(A.OtherClinicianId))).Rejection);

        Assert.True((await app.Get<Features.Scheduling.RemoveSlots.RemoveSlotsHandler>()
            .HandleAsync(A.ClinicianId, A.Tomorrow, first.Slots.Skip(3).Select(s => s.SlotId).ToArray(), A.Clinician)).IsAccepted);

        Assert.True((await schedule.HandleAsync(A.OtherClinicianId, A.Tomorrow,
            [new BlockOfTime(new(9, 30), new(10, 30), RoomId: room.Id)], Actor.Doctor(A.OtherClinicianId))).IsAccepted);
    }

    [Fact]
    public async Task AVisitNeedingTreatmentIsOfferedAndBookedOnlyInATreatmentRoom_AndTheAppointmentIsInThatRoom()
    {
        await using var app = await TestApp.StartAsync();
        var treatment = await AddRoomAsync(app, "Treatment room", "treatment");
        var plain = await AddRoomAsync(app, "Room 2");
        var doctor = await app.CreateUserAsync("Dr Hart", "doctor@example.test", "Doctor");
        var other = await app.CreateUserAsync("Dr Okafor", "other@example.test", "Doctor");
        var procedure = (await app.Get<DefineVisitTypeHandler>().HandleAsync(null,
            new VisitTypeForm("Minor procedure", "", 20, [ClinicianKind.Doctor], [], true, "#5d4037", "Treatment"), Owner)).Value!;
        Assert.Equal("treatment", procedure.RoomFeature);
        var schedule = app.Get<ScheduleDayHandler>();
        Assert.True((await schedule.HandleAsync(doctor, A.Tomorrow, [new BlockOfTime(new(9, 0), new(9, 30), RoomId: treatment.Id)], Actor.Doctor(doctor))).IsAccepted);
        var inPlain = (await schedule.HandleAsync(other, A.Tomorrow, [new BlockOfTime(new(9, 0), new(9, 30), RoomId: plain.Id)], Actor.Doctor(other))).Value!;

        var visit = VisitType.From(procedure);
        var offers = await app.Get<Availability>().DayAsync(visit, A.Tomorrow, byPatient: true);
        var offered = Assert.Single(offers.Clinicians);
        Assert.Equal(doctor, offered.ClinicianId);
        Assert.Equal(2, offered.Offers.Count); // 09:00 and 09:10, twenty minutes each

        var patient = await app.CreateUserAsync("Pat Lee", "patient@example.test", "Patient");
        var book = app.Get<BookSlotsHandler>();
        Assert.Equal(Rejection.RoomLacksFeature, (await book.HandleAsync(patient, inPlain.Slots.Take(2).Select(s => s.SlotId).ToArray(),
            Actor.Patient(patient), visitTypeId: visit.Id)).Rejection);
        var booked = (await book.HandleAsync(patient, offered.Offers[0].SlotIds, Actor.Patient(patient), visitTypeId: visit.Id)).Value!;

        Assert.Equal(treatment.Id, (await app.Get<ScheduleReadModel>().AppointmentAsync(booked.AppointmentId))!.RoomId);
        Assert.All((await app.Get<ScheduleReadModel>().ClinicianDayAsync(doctor, A.Tomorrow)).Slots, s => Assert.Equal(treatment.Id, s.RoomId));
    }

    [Fact]
    public async Task RoomsAndTheirTimeRebuildToTheRowsTheLiveUpdatesGave()
    {
        await using var app = await TestApp.StartAsync();
        var room = await AddRoomAsync(app, "Room 1", "step-free");
        await app.Get<DefineRoomHandler>().HandleAsync(room.Id, new RoomForm("Room one", ["step-free", "treatment"], InUse: false), Owner);
        var second = await AddRoomAsync(app, "Room 2");
        await app.Get<ScheduleDayHandler>().HandleAsync(A.ClinicianId, A.Tomorrow, [new BlockOfTime(new(9, 0), new(9, 30), RoomId: second.Id)], A.Clinician);

        var rooms = await app.Get<RoomsReadModel>().AllAsync();
        Assert.Equal(["Room 2", "Room one"], rooms.Select(r => r.Name));
        Assert.Equal(["step-free", "treatment"], rooms[1].Features);
        Assert.False(rooms[1].InUse);
        var live = await ReadModels.RebuildTests.DumpAsync(app);
        await app.Get<ReadModelRebuilder>().RebuildAllAsync();
        Assert.Equal(live, await ReadModels.RebuildTests.DumpAsync(app));
        await PostgresReplica.AssertSameReadModelsAsync(app); // and the same rows on PostgreSQL
    }
}
