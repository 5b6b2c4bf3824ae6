using ClinicPortal.Domain;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Features.Booking.BookSlots;
using ClinicPortal.Features.Booking.CancelAppointment;
using ClinicPortal.Features.Reception.CancelDay;
using ClinicPortal.Features.Reception.MarkVisit;
using ClinicPortal.Features.Scheduling.RemoveSlots;
using ClinicPortal.Features.Scheduling.ScheduleDay;
using ClinicPortal.Infrastructure.Data;
using ClinicPortal.Application.Queries;
using ClinicPortal.Infrastructure.ReadModels;
using ClinicPortal.Tests.Unit.Support;
using ClinicPortal.Infrastructure.Sqlite;

namespace ClinicPortal.Tests.Unit.ReadModels;

public class RebuildTests
{
    [Fact]
    public async Task ARebuildFromTheLogGivesExactlyTheRowsTheLiveUpdatesGave()
    {
        await using var app = await TestApp.StartAsync();
        var day2 = A.Tomorrow.AddDays(1);
        var schedule = app.Get<ScheduleDayHandler>();
        var first = (await schedule.HandleAsync(A.ClinicianId, A.Tomorrow, [new BlockOfTime(new(9, 0), new(10, 0))], A.Clinician)).Value!;
        var second = (await schedule.HandleAsync(A.OtherClinicianId, A.Tomorrow, [new BlockOfTime(new(9, 0), new(9, 30))], Actor.Doctor(A.OtherClinicianId))).Value!;
        var third = (await schedule.HandleAsync(A.ClinicianId, day2, [new BlockOfTime(new(14, 0), new(14, 30))], A.Clinician)).Value!;
        var book = app.Get<BookSlotsHandler>();
        var kept = (await book.HandleAsync(A.PatientId, [first.Slots[0].SlotId, first.Slots[1].SlotId], A.Patient)).Value!;
        var cancelled = (await book.HandleAsync(A.OtherPatientId, [first.Slots[3].SlotId], Actor.Patient(A.OtherPatientId))).Value!;
        await book.HandleAsync(A.OtherPatientId, [second.Slots[0].SlotId], A.Receptionist);
        await book.HandleAsync(A.PatientId, [third.Slots[1].SlotId], A.Patient);
        await app.Get<CancelAppointmentHandler>().HandleAsync(cancelled.AppointmentId, Actor.Patient(A.OtherPatientId));
        await app.Get<RemoveSlotsHandler>().HandleAsync(A.ClinicianId, A.Tomorrow, [first.Slots[5].SlotId], A.Clinician);
        await app.Get<CancelDayHandler>().HandleAsync(A.ClinicianId, day2, "Training", A.Receptionist);
        app.Clock.SetUtcNow(first.Slots[0].StartUtc);
        Assert.True((await app.Get<MarkVisitHandler>().HandleAsync(kept.AppointmentId, VisitOutcome.Arrived, A.Receptionist)).IsAccepted);

        var live = await DumpAsync(app);
        await app.Get<ReadModelRebuilder>().RebuildAllAsync();
        var rebuilt = await DumpAsync(app);

        Assert.NotEmpty(live["rm_bookings"]);
        Assert.Equal(live, rebuilt);
        await PostgresReplica.AssertSameReadModelsAsync(app);
    }

    [Fact]
    public async Task AtStartUpAProjectionWhoseStoredVersionDiffersIsRebuiltFromTheLog()
    {
        await using var app = await TestApp.StartAsync();
        var day = (await app.Get<ScheduleDayHandler>().HandleAsync(A.ClinicianId, A.Tomorrow, [new BlockOfTime(new(9, 0), new(9, 30))], A.Clinician)).Value!;
        await using (var connection = await app.Get<SqliteDatabase>().OpenAsync())
        {
            // As if the tables were made by an older definition: wrong version, stale rows.
            await connection.ExecuteAsync("UPDATE projection_versions SET version = 0; DELETE FROM rm_slots;");
        }

        await app.Get<ReadModelRebuilder>().RebuildOutdatedAsync();

        var available = await app.Get<ScheduleReadModel>().AvailableSlotsAsync(A.Tomorrow, A.Now);
        Assert.Equal(day.Slots.Select(s => s.SlotId), Assert.Single(available).Slots.Select(s => s.SlotId));
    }

    /// <summary>Every row of the schedule read model, as text, by table.</summary>
    internal static async Task<Dictionary<string, List<string>>> DumpAsync(TestApp app)
    {
        var tables = new Dictionary<string, List<string>>();
        await using var connection = await app.Get<SqliteDatabase>().OpenAsync();
        foreach (var table in new ScheduleProjection().Tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {table} ORDER BY 1, 2;";
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
                rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "NULL" : reader.GetValue(i).ToString())));
            tables[table] = rows;
        }
        return tables;
    }
}
