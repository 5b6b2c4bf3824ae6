using System.Text;
using ClinicPortal.Application;
using ClinicPortal.Application.Queries;
using ClinicPortal.Domain;
using ClinicPortal.Domain.EventStore;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Features.Admin.Erasure;
using ClinicPortal.Features.Booking.BookSlots;
using ClinicPortal.Features.Notifications;
using ClinicPortal.Features.Scheduling.ScheduleDay;
using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Infrastructure.Data;
using ClinicPortal.Infrastructure.ReadModels;
using ClinicPortal.Tests.Unit.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ClinicPortal.Tests.Unit.Privacy;

/// <summary>
/// The owner erases a patient: refused while they have appointments to come; once those are cancelled and past, their
/// account's personal fields, their key and their emails go. Every event stays, so the calendar shows "Erased patient"
/// where they were and the figures do not change; after a rebuild of every read model and a restart, no byte of the
/// database holds their name, email, phone or any text written about them.
/// </summary>
public class ErasureTests
{
    private static readonly string[] AdasTraces = ["Ada Lovelace", "ada@mail.test", "ADA@MAIL.TEST", "07700 900456", "chest pain since Friday", "Urgent: Ada's chest pain"];

    [Theory]
    [InlineData(TestApp.Sqlite)]
    [InlineData(TestApp.Postgres)]
    public async Task AnErasedPatientLeavesNoTrace_WhileTheScheduleTheFiguresAndOthersHistoryStayAsTheyWere(string provider)
    {
        var folder = Directory.CreateTempSubdirectory("clinicportal-erase-").FullName;
        try
        {
            Guid ada, ben, hart, appointment;
            string figuresBefore;
            await using (var app = await TestApp.StartAsync(directory: folder, provider: provider))
            {
                hart = await app.CreateUserAsync("Dr Ada Hart", "hart@clinic.test", Roles.Doctor);
                var owner = Actor.Admin(await app.CreateUserAsync("Olive Owner", "owner@clinic.test", Roles.Admin));
                ada = await CreatePatientAsync(app, "Ada Lovelace", "ada@mail.test", "07700 900456");
                ben = await CreatePatientAsync(app, "Ben Jonson", "ben@mail.test", "07700 900789");
                var day = (await app.Get<ScheduleDayHandler>().HandleAsync(hart, A.Tomorrow, [new BlockOfTime(new(9, 0), new(10, 0))], Actor.Doctor(hart))).Value!;
                var book = app.Get<BookSlotsHandler>();
                Assert.True((await book.HandleAsync(ben, [day.Slots[0].SlotId], Actor.Patient(ben), reason: "a sore knee")).IsAccepted);
                var squeezed = await book.HandleAsync(ada, [day.Slots[0].SlotId], A.Receptionist, reason: "chest pain since Friday", overrideReason: "Urgent: Ada's chest pain");
                Assert.True(squeezed.IsAccepted, squeezed.Rejection?.ToString());
                appointment = squeezed.Value!.AppointmentId;
                var nextWeek = (await app.Get<ScheduleDayHandler>().HandleAsync(hart, A.Tomorrow.AddDays(7), [new BlockOfTime(new(9, 0), new(10, 0))], Actor.Doctor(hart))).Value!;
                Assert.True((await book.HandleAsync(ada, [nextWeek.Slots[3].SlotId], Actor.Patient(ada))).IsAccepted);
                await app.Get<PatientNotices>().CatchUpAsync();
                await app.Get<ClinicDatabase>().ExecuteAsync("UPDATE outbox SET status = 'sent';", default); // as the sender would have
                app.Clock.Advance(TimeSpan.FromDays(2)); // the squeezed-in visit is past now; next week's is to come
                var erasure = app.Get<ErasePatientHandler>();

                // An appointment still to come: refused; the owner cancels it first (the patient is emailed), then erases.
                Assert.Single((await erasure.PlanAsync(ada))!.ToCome);
                Assert.Equal("The patient still has appointments to come: cancel them first (the patient is emailed), then erase.", await erasure.EraseAsync(ada, owner));
                Assert.Equal(Features.Shared.RejectionText.For(Rejection.NotAllowed), await erasure.EraseAsync(ada, A.Receptionist));
                Assert.Equal(1, await erasure.CancelToComeAsync(ada, owner));
                await app.Get<PatientNotices>().CatchUpAsync();
                Assert.StartsWith("Emails to the patient are still being sent", await erasure.EraseAsync(ada, owner));
                await app.Get<ClinicDatabase>().ExecuteAsync("UPDATE outbox SET status = 'sent';", default);
                figuresBefore = await FiguresAsync(app);

                Assert.Null(await erasure.EraseAsync(ada, owner));

                var erasedName = $"Erased patient {ada.ToString("N")[^4..]}";
                Assert.Equal(erasedName, (await app.Get<PeopleDirectory>().FindAsync(ada))!.Name);
                Assert.Equal("erased", (await app.Get<IScheduleQueries>().AppointmentAsync(appointment))!.Reason);
                Assert.Equal("a sore knee", (await app.Get<IScheduleQueries>().DayAppointmentsAsync(hart, A.Tomorrow)).Single(a => a.PatientId == ben).Reason);
                Assert.Contains(await app.Get<IScheduleQueries>().DayAppointmentsAsync(hart, A.Tomorrow), a => a.AppointmentId == appointment && a.Cancelled is null);
                Assert.Equal(figuresBefore, await FiguresAsync(app));
                var audit = await app.Get<IAuditQueries>().ReadAsync(new AuditFilter(PatientId: ada));
                Assert.Contains(audit, e => e.Event is PatientErased erased && erased.By == owner.Name);
                await using (var scope = app.Services.CreateAsyncScope())
                {
                    var users = scope.ServiceProvider.GetRequiredService<UserManager<ClinicUser>>();
                    Assert.Null(await users.FindByEmailAsync("ada@mail.test"));
                    var account = (await users.FindByIdAsync(ada.ToString()))!;
                    Assert.False(account.IsActive || await users.HasPasswordAsync(account));
                }
                Assert.True((await erasure.PlanAsync(ada))!.Erased); // and erasing again changes nothing
                Assert.Null(await erasure.EraseAsync(ada, owner));
                await app.Get<ReadModelRebuilder>().RebuildAllAsync();
            }
            SqliteConnection.ClearAllPools();
            await using (var restarted = await TestApp.StartAsync(directory: folder, provider: provider))
            {
                Assert.Equal("erased", (await restarted.Get<IScheduleQueries>().AppointmentAsync(appointment))!.Reason);
                var text = await DatabaseTextAsync(restarted, provider, folder);
                Assert.Contains("Ben Jonson", text); // the scan sees what is there
                Assert.Contains("07700 900789", text);
                Assert.All(AdasTraces, trace => Assert.DoesNotContain(trace, text));
            }
            SqliteConnection.ClearAllPools();
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<Guid> CreatePatientAsync(TestApp app, string name, string email, string phone)
    {
        var id = await app.CreateUserAsync(name, email, Roles.Patient);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ClinicUser>>();
        var user = (await users.FindByIdAsync(id.ToString()))!;
        user.PhoneNumber = phone;
        Assert.True((await users.UpdateAsync(user)).Succeeded);
        return id;
    }

    private static async Task<string> FiguresAsync(TestApp app) =>
        System.Text.Json.JsonSerializer.Serialize(await app.Get<IReportQueries>().FiguresAsync(A.Tomorrow.AddDays(-7), A.Tomorrow.AddDays(7), A.London));

    /// <summary>Every byte of the SQLite file (and its write-ahead log) as text; on PostgreSQL, every row of every table.</summary>
    private static async Task<string> DatabaseTextAsync(TestApp app, string provider, string folder)
    {
        if (provider == TestApp.Sqlite)
        {
            var text = new StringBuilder();
            foreach (var file in Directory.GetFiles(folder, "clinic.db*"))
            {
                await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var memory = new MemoryStream();
                await stream.CopyToAsync(memory);
                text.Append(Encoding.UTF8.GetString(memory.ToArray())).Append('\n');
            }
            return text.ToString();
        }
        await using var connection = new NpgsqlConnection(await File.ReadAllTextAsync(Path.Combine(folder, "postgres.txt")));
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public';", connection))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                tables.Add(reader.GetString(0));
        var all = new StringBuilder();
        foreach (var table in tables)
        {
            await using var rows = new NpgsqlCommand($"SELECT coalesce(string_agg(t::text, E'\\n'), '') FROM \"{table}\" t;", connection);
            all.Append(await rows.ExecuteScalarAsync()).Append('\n');
        }
        return all.ToString();
    }
}
