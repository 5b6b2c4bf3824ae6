using System.Text.Json;
using ClinicPortal.Domain;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Domain.VisitTypes;
using ClinicPortal.Features.Booking.BookSlots;
using ClinicPortal.Features.Booking.CancelAppointment;
using ClinicPortal.Features.Booking.MoveAppointment;
using ClinicPortal.Features.Notifications;
using ClinicPortal.Features.PatientData;
using ClinicPortal.Features.Reception.MarkVisit;
using ClinicPortal.Features.Scheduling.ScheduleDay;
using ClinicPortal.Features.Waitlist;
using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Tests.Unit.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicPortal.Tests.Unit.Privacy;

/// <summary>
/// "Everything the practice holds about me", field by field, for a patient with one of everything: their details, an
/// appointment moved and then attended (with its reason and history), one cancelled by the practice, one to come, a wait
/// joined and left, and the emails written to them; read by them, by their guardian for a dependant, by the owner, and by
/// no one else.
/// </summary>
public class PatientDataTests
{
    [Fact]
    public async Task APatientWithOneOfEverything_FindsEachOfItInTheirData()
    {
        await using var app = await TestApp.StartAsync();
        var hart = await app.CreateUserAsync("Dr Ada Hart", "hart@clinic.test", Roles.Doctor);
        var ada = await app.CreateUserAsync("Ada Lovelace", "ada@mail.test", Roles.Patient);
        var ben = await app.CreateUserAsync("Ben Jonson", "ben@mail.test", Roles.Patient);
        var owner = Actor.Admin(await app.CreateUserAsync("Olive Owner", "owner@clinic.test", Roles.Admin));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ClinicUser>>();
            var user = (await users.FindByIdAsync(ada.ToString()))!;
            user.PhoneNumber = "07700 900456";
            await users.UpdateAsync(user);
        }
        var day = (await app.Get<ScheduleDayHandler>().HandleAsync(hart, A.Tomorrow, [new BlockOfTime(new(9, 0), new(10, 0))], Actor.Doctor(hart))).Value!;
        var later = (await app.Get<ScheduleDayHandler>().HandleAsync(hart, A.Tomorrow.AddDays(7), [new BlockOfTime(new(9, 0), new(10, 0))], Actor.Doctor(hart))).Value!;
        var book = app.Get<BookSlotsHandler>();
        var seen = (await book.HandleAsync(ada, [day.Slots[0].SlotId], Actor.Patient(ada), reason: "chest pain since Friday")).Value!;
        Assert.True((await app.Get<MoveAppointmentHandler>().HandleAsync(seen.AppointmentId, [day.Slots[2].SlotId], Actor.Patient(ada))).IsAccepted);
        var dropped = (await book.HandleAsync(ada, [day.Slots[4].SlotId], A.Receptionist)).Value!;
        Assert.True((await app.Get<CancelAppointmentHandler>().HandleAsync(dropped.AppointmentId, A.Receptionist)).IsAccepted);
        var toCome = (await book.HandleAsync(ada, [later.Slots[1].SlotId], Actor.Patient(ada))).Value!;
        var wait = (await app.Get<WaitlistHandler>().JoinAsync(ada, VisitType.ConsultationId, null, A.Tomorrow.AddDays(7), A.Tomorrow.AddDays(8), Actor.Patient(ada))).Value!;
        Assert.True((await app.Get<WaitlistHandler>().LeaveAsync(wait.WaitId, Actor.Patient(ada))).IsAccepted);
        await app.Get<PatientNotices>().CatchUpAsync();
        app.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromHours(1.5)); // Tuesday 09:30: the moved visit has begun
        Assert.True((await app.Get<MarkVisitHandler>().HandleAsync(seen.AppointmentId, VisitOutcome.Arrived, A.Receptionist)).IsAccepted);

        var desk = Actor.Receptionist(await app.CreateUserAsync("Rita Desk", "rita@clinic.test", Roles.Receptionist));
        app.Get<Application.Ports.IAccessLog>().Record(ada, desk, "their page of appointments");
        app.Get<Application.Ports.IAccessLog>().Record(ada, Actor.Patient(ada), "everything held about them"); // their own look: not recorded
        await app.Get<Infrastructure.Privacy.AccessLog>().FlushAsync();

        var data = (await app.Get<PatientDataHandler>().ReadAsync(ada, "Test Practice"))!;

        Assert.Equal(("Rita Desk", "their page of appointments"), (Assert.Single(data.Accesses).Who, data.Accesses[0].What));
        Assert.Equal("Test Practice", data.Practice);
        Assert.Equal(new PatientProfile(ada, "Ada Lovelace", "ada@mail.test", "07700 900456", true, null, null), data.Profile);
        Assert.Equal(3, data.Appointments.Count);
        var (first, second, third) = (data.Appointments[0], data.Appointments[1], data.Appointments[2]);
        Assert.Equal((seen.AppointmentId, "Consultation", "Dr Ada Hart", "2026-03-03 09:20", "2026-03-03 09:30", "arrived", "chest pain since Friday"),
            (first.AppointmentId, first.VisitType, Assert.Single(first.Clinicians), $"{first.Start:yyyy-MM-dd HH:mm}", $"{first.End:yyyy-MM-dd HH:mm}", first.Status, first.Reason));
        Assert.Null(first.Room);
        Assert.Collection(first.History,
            h => Assert.Equal("Booked a Consultation 09:00–09:10 on Tue 3 Mar 2026 with Dr Ada Hart for Ada Lovelace", h.What),
            h => Assert.StartsWith("Moved Ada Lovelace's", h.What),
            h => Assert.Contains("arrived", h.What, StringComparison.OrdinalIgnoreCase));
        Assert.Equal((dropped.AppointmentId, "cancelled by the practice", (string?)null), (second.AppointmentId, second.Status, second.Reason));
        Assert.Equal(2, second.History.Count);
        Assert.Equal((toCome.AppointmentId, "to come", "2026-03-10 09:10"), (third.AppointmentId, third.Status, $"{third.Start:yyyy-MM-dd HH:mm}"));
        Assert.Equal(2, data.Waits.Count);
        Assert.NotEmpty(data.Emails);
        Assert.Contains(data.Emails, e => e.Subject.StartsWith("Booked: Dr Ada Hart", StringComparison.Ordinal));
        Assert.Contains(data.Emails, e => e.Subject.StartsWith("Cancelled: Dr Ada Hart", StringComparison.Ordinal));
        Assert.All(data.Emails, e => Assert.Equal("pending", e.Status));
        Assert.Contains("no history of sign-ins", data.SignIns);

        // The file holds the same, under the names a reader expects.
        using var file = JsonDocument.Parse(JsonSerializer.SerializeToUtf8Bytes(data, PatientDataDownload.Json));
        Assert.Equal("chest pain since Friday", file.RootElement.GetProperty("appointments")[0].GetProperty("reason").GetString());
        Assert.Equal("07700 900456", file.RootElement.GetProperty("profile").GetProperty("phone").GetString());
        Assert.Equal(3, file.RootElement.GetProperty("appointments")[0].GetProperty("history").GetArrayLength());

        // Who may read it: the patient, the owner; not another patient, nor reception.
        Assert.True(PatientDataHandler.MayRead(Actor.Patient(ada), ada));
        Assert.True(PatientDataHandler.MayRead(owner, ada));
        Assert.False(PatientDataHandler.MayRead(Actor.Patient(ben), ada));
        Assert.False(PatientDataHandler.MayRead(A.Receptionist, ada));
    }

    [Fact]
    public async Task ADependantsData_SaysWhenTheyWereBornAndWhoBooksForThem_AndTheirGuardianMayReadIt()
    {
        await using var app = await TestApp.StartAsync();
        var maya = await app.CreateUserAsync("Maya Okafor", "maya@mail.test", Roles.Patient);
        var sam = (await app.Get<DependantAccounts>().AddAsync(maya, new("Sam Okafor", new DateOnly(2019, 5, 3)))).Id!.Value;

        var data = (await app.Get<PatientDataHandler>().ReadAsync(sam, "Test Practice"))!;

        Assert.Equal(new PatientProfile(sam, "Sam Okafor", null, null, true, new DateOnly(2019, 5, 3), "Maya Okafor"), data.Profile);
        Assert.Empty(data.Appointments);
        Assert.Empty(data.Emails);
        Assert.True(PatientDataHandler.MayRead(await app.Get<PeopleDirectory>().SpeakingAsync(Actor.Patient(maya)), sam));
        Assert.False(PatientDataHandler.MayRead(Actor.Patient(maya), sam)); // without the link the accounts give
        Assert.Null(await app.Get<PatientDataHandler>().ReadAsync(Guid.NewGuid(), "Test Practice"));
    }
}
