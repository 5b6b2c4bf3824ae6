using System.Text.Json;
using ClinicPortal.Application;
using ClinicPortal.Application.Queries;
using ClinicPortal.Domain;
using ClinicPortal.Domain.EventStore;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Features.Booking.BookSlots;
using ClinicPortal.Features.Scheduling.ScheduleDay;
using ClinicPortal.Infrastructure.Data;
using ClinicPortal.Infrastructure.Privacy;
using ClinicPortal.Infrastructure.ReadModels;
using ClinicPortal.Infrastructure.Sqlite;
using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Tests.Unit.ReadModels;
using ClinicPortal.Tests.Unit.Support;
using Microsoft.Data.Sqlite;

namespace ClinicPortal.Tests.Unit.Privacy;

/// <summary>
/// Free text about a patient (a visit's reason, staff's reason for booking over a clash) is kept sealed under a key of
/// that patient's own, in the log and in the read models; the pages and answers read it opened; without the key it reads
/// "erased". A log written before sealing is sealed once, in place, at the first start after: no other byte changes.
/// </summary>
public class PersonalTextTests
{
    private static async Task<(Guid Patient, Guid Other, SlotsBooked Booked, SlotsBooked OtherBooked)> BookWithReasonsAsync(TestApp app)
    {
        var hart = await app.CreateUserAsync("Dr Ada Hart", "hart@clinic.test", Roles.Doctor);
        var patient = await app.CreateUserAsync("Ada Lovelace", "ada@mail.test", Roles.Patient);
        var other = await app.CreateUserAsync("Ben Jonson", "ben@mail.test", Roles.Patient);
        var day = (await app.Get<ScheduleDayHandler>().HandleAsync(hart, A.Tomorrow, [new BlockOfTime(new(9, 0), new(10, 0))], Actor.Doctor(hart))).Value!;
        var book = app.Get<BookSlotsHandler>();
        var booked = await book.HandleAsync(patient, [day.Slots[0].SlotId], Actor.Patient(patient), reason: "chest pain since Friday");
        Assert.True(booked.IsAccepted, booked.Rejection?.ToString());
        // Staff squeeze the other patient in over the first, saying why: an override reason of the other patient's.
        var squeezed = await book.HandleAsync(other, [day.Slots[0].SlotId], A.Receptionist, reason: "pregnancy test", overrideReason: "Urgent: seen between patients");
        Assert.True(squeezed.IsAccepted, squeezed.Rejection?.ToString());
        return (patient, other, booked.Value!, squeezed.Value!);
    }

    private static readonly string[] Secrets = ["chest pain since Friday", "pregnancy test", "Urgent: seen between patients"];

    [Theory]
    [InlineData(TestApp.Sqlite)]
    [InlineData(TestApp.Postgres)]
    public async Task AReasonIsSealedInTheLogAndTheReadModels_ReadOpenedByThePages_AndErasedWithoutItsKey(string provider)
    {
        await using var app = await TestApp.StartAsync(provider: provider);
        var (patient, other, booked, squeezed) = await BookWithReasonsAsync(app);

        // Nowhere in the tables in the clear: not the log's JSON, not a read model.
        var database = app.Get<ClinicDatabase>();
        var stored = await database.RowsAsync<string>("SELECT data FROM events WHERE type = 'SlotsBooked' ORDER BY position;", default);
        Assert.All(stored, data => Assert.DoesNotContain(Secrets, secret => data.Contains(secret)));
        Assert.Equal(3, stored.Sum(data => data.Split("sealed:v1:").Length - 1));
        var copied = await database.RowsAsync<string>("SELECT reason FROM rm_bookings WHERE reason IS NOT NULL;", default);
        Assert.Equal(2, copied.Count);
        Assert.All(copied, reason => Assert.StartsWith("sealed:v1:", reason));
        Assert.All(await database.RowsAsync<string>("SELECT override_reason FROM rm_conflict_bookings WHERE override_reason IS NOT NULL;", default),
            reason => Assert.StartsWith("sealed:v1:", reason));

        // Read opened where people read it.
        var schedule = app.Get<IScheduleQueries>();
        Assert.Equal("chest pain since Friday", (await schedule.AppointmentAsync(booked.AppointmentId))!.Reason);
        Assert.Equal("pregnancy test", (await schedule.DayAppointmentsAsync(booked.ClinicianId, A.Tomorrow)).Single(a => a.PatientId == other).Reason);
        Assert.Contains(await app.Get<IConflictQueries>().OpenAsync(app.Clock.GetUtcNow()), c => c.OverrideReason == "Urgent: seen between patients");
        var audit = await app.Get<IAuditQueries>().ReadTaggedAnyAsync([Tag.Appointment(squeezed.AppointmentId)], 10);
        Assert.Equal("Urgent: seen between patients", audit.Select(e => e.Event).OfType<SlotsBooked>().Single().OverrideReason);

        // Without the patient's key (as erasure leaves it), their texts read "erased"; the other patient's still open.
        await database.ExecuteAsync("DELETE FROM personal_keys WHERE patient_id = @patient;", default, ("@patient", other));
        app.Get<PersonalKeys>().Forget(other);
        Assert.Equal("erased", (await schedule.AppointmentAsync(squeezed.AppointmentId))!.Reason);
        Assert.Contains(await app.Get<IConflictQueries>().OpenAsync(app.Clock.GetUtcNow()), c => c.OverrideReason == "erased");
        Assert.Equal("chest pain since Friday", (await schedule.AppointmentAsync(booked.AppointmentId))!.Reason);
        Assert.Equal(patient, booked.PatientId);
    }

    [Fact]
    public async Task ATextSealedForOnePatient_DoesNotOpenAsAnothers_AndTextThatOnlyLooksSealedIsReadAsTyped()
    {
        await using var app = await TestApp.StartAsync();
        var keys = app.Get<PersonalKeys>();
        var (ada, ben) = (Guid.NewGuid(), Guid.NewGuid());
        var sealedForAda = await keys.SealAsync(ada, "a private worry");
        Assert.Equal("a private worry", await keys.OpenAsync(sealedForAda));
        // Ben's id written in Ada's sealed text: his key does not open it, so it is shown as it stands, never as Ada's words.
        var moved = sealedForAda.Replace($"{ada:N}", $"{ben:N}");
        await keys.SealAsync(ben, "his own");
        Assert.Equal(moved, await keys.OpenAsync(moved));
        Assert.Equal("sealed:v1:just typed", await keys.OpenAsync("sealed:v1:just typed"));
        Assert.NotEqual(sealedForAda, await keys.SealAsync(ada, "a private worry")); // a fresh nonce each time
    }

    /// <summary>
    /// <c>Fixtures/log-2026-12-07.jsonl</c> (logged in the clear: two staff override reasons) loaded as the previous version
    /// left it, with its read models: the next start seals those texts in place, changes no other byte of any event, and
    /// every read model reads as it did; the start after changes nothing.
    /// </summary>
    [Fact]
    public async Task ALogWrittenBeforeSealing_IsSealedOnceAtTheNextStart_EveryReadModelReadingAsBefore()
    {
        var folder = Directory.CreateTempSubdirectory("clinicportal-seal-").FullName;
        try
        {
            List<(long Position, string Type, string Data, string Tags, string At, string By)> before;
            Dictionary<string, List<string>> readModelsBefore;
            List<string?> reasonsBefore;
            await using (var old = await TestApp.StartAsync(directory: folder))
            {
                await SavedLogTests.InsertAsync(old, "log-2026-12-07.jsonl");
                before = await EventsAsync(old);
                readModelsBefore = await RebuildTests.DumpAsync(old);
                reasonsBefore = await ReasonsAsync(old);
            }
            Assert.Contains(before, e => e.Data.Contains("\"overrideReason\":\""));
            SqliteConnection.ClearAllPools();

            await using (var upgraded = await TestApp.StartAsync(directory: folder))
            {
                var after = await EventsAsync(upgraded);
                Assert.Equal(before.Count, after.Count);
                var sealedCount = 0;
                foreach (var (was, now) in before.Zip(after))
                {
                    Assert.Equal((was.Position, was.Type, was.Tags, was.At, was.By), (now.Position, now.Type, now.Tags, now.At, now.By));
                    if (was.Data == now.Data)
                        continue;
                    sealedCount++;
                    // Only the personal texts changed: put back opened, the JSON is the one logged, byte for byte.
                    var reopened = now.Data;
                    foreach (var name in PersonalText.JsonNames)
                        if (Value(now.Data, name) is { } text)
                        {
                            Assert.StartsWith("sealed:v1:", text);
                            reopened = reopened.Replace(JsonSerializer.Serialize(text), Infrastructure.EventStore.EventSerializer.SerializeText((await upgraded.Get<PersonalKeys>().OpenAsync(text))!));
                        }
                    Assert.Equal(was.Data, reopened);
                }
                Assert.Equal(2, sealedCount);
                Assert.Equal(reasonsBefore, await ReasonsAsync(upgraded));
                Assert.Equal(await OpenedAsync(upgraded, readModelsBefore), await OpenedAsync(upgraded, await RebuildTests.DumpAsync(upgraded)));
                Assert.Equal(0, await upgraded.Get<PersonalTextUpgrade>().RunAsync());
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<List<(long Position, string Type, string Data, string Tags, string At, string By)>> EventsAsync(TestApp app) =>
        (await app.Get<ClinicDatabase>().RowsAsync<EventRowText>("SELECT position, type, data, tags, recorded_at, caused_by FROM events ORDER BY position;", default))
        .Select(r => (r.Position, r.Type, r.Data, r.Tags, r.RecordedAt, r.CausedBy)).ToList();

    private sealed record EventRowText(long Position, string Type, string Data, string Tags, string RecordedAt, string CausedBy);

    /// <summary>What the pages read of every appointment's and conflict's reasons.</summary>
    private static async Task<List<string?>> ReasonsAsync(TestApp app)
    {
        var reasons = new List<string?>();
        foreach (var id in await app.Get<ClinicDatabase>().RowsAsync<Guid>("SELECT booking_id FROM rm_bookings ORDER BY booking_id;", default))
            reasons.Add((await app.Get<IScheduleQueries>().AppointmentAsync(id))!.Reason);
        reasons.AddRange((await app.Get<IConflictQueries>().OpenAsync(app.Clock.GetUtcNow())).OrderBy(c => c.ConflictId).Select(c => c.OverrideReason));
        var audit = await app.Get<IAuditQueries>().ReadAsync(new AuditFilter(Limit: 1000));
        reasons.AddRange(audit.Select(e => e.Event).OfType<AppointmentMoved>().Select(m => m.OverrideReason));
        reasons.AddRange(audit.Select(e => e.Event).OfType<SlotsBooked>().Select(b => b.OverrideReason));
        return reasons;
    }

    /// <summary>A dump of the read models with every sealed value opened.</summary>
    private static async Task<string> OpenedAsync(TestApp app, Dictionary<string, List<string>> dump)
    {
        var keys = app.Get<PersonalKeys>();
        var lines = new List<string>();
        foreach (var (table, rows) in dump.OrderBy(t => t.Key))
            foreach (var row in rows)
            {
                var cells = new List<string>();
                foreach (var cell in row.Split(" | "))
                    cells.Add(PersonalKeys.IsSealed(cell) ? (await keys.OpenAsync(cell))! : cell);
                lines.Add($"{table}: {string.Join(" | ", cells)}");
            }
        return string.Join('\n', lines);
    }

    private static string? Value(string json, string name)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }
}
