using ClinicPortal.Domain;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Features.Admin.Rooms;
using ClinicPortal.Features.Booking.BookSlots;
using ClinicPortal.Features.Booking.CancelAppointment;
using ClinicPortal.Features.Booking.MoveAppointment;
using ClinicPortal.Features.CalendarFeeds;
using ClinicPortal.Features.Scheduling.ScheduleDay;
using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Tests.Unit.Support;
using Microsoft.Extensions.DependencyInjection;
using ICalendar = Ical.Net.Calendar;

namespace ClinicPortal.Tests.Unit.CalendarFeeds;

/// <summary>
/// Clinicians' and patients' calendar subscriptions on a real SQLite file, read back with Ical.Net: what they list and
/// never list, their entity tags, and their secrets.
/// </summary>
public class CalendarFeedTests
{
    private const string Base = "https://clinic.example/";

    private sealed record Practice(TestApp App, Guid Hart, Guid Ada, Guid Ben, Guid Room, DayScheduled Day, SlotsBooked AdasVisit);

    /// <summary>Dr Hart's morning tomorrow in the treatment room; Ada booked at 09:00 with a reason, Ben at 10:00 and cancelled.</summary>
    private static async Task<Practice> StartAsync()
    {
        var app = await TestApp.StartAsync();
        var owner = Actor.Admin(await app.CreateUserAsync("Practice Owner", "owner@clinic.test", Roles.Admin));
        var room = (await app.Get<DefineRoomHandler>().HandleAsync(null, new RoomForm("Treatment room", []), owner)).Value!.RoomId;
        var hart = await app.CreateUserAsync("Dr Ada Hart", "hart@clinic.test", Roles.Doctor);
        var ada = await app.CreateUserAsync("Ada Lovelace", "ada@mail.test", Roles.Patient);
        var ben = await app.CreateUserAsync("Ben Jonson", "ben@mail.test", Roles.Patient);
        var day = (await app.Get<ScheduleDayHandler>().HandleAsync(hart, A.Tomorrow, [new BlockOfTime(new(9, 0), new(12, 0), RoomId: room)], Actor.Doctor(hart))).Value!;
        var book = app.Get<BookSlotsHandler>();
        var adas = (await book.HandleAsync(ada, [day.Slots[0].SlotId], Actor.Patient(ada), reason: "chest pain")).Value!;
        var bens = (await book.HandleAsync(ben, [day.Slots[6].SlotId], Actor.Patient(ben))).Value!;
        Assert.True((await app.Get<CancelAppointmentHandler>().HandleAsync(bens.AppointmentId, Actor.Patient(ben))).IsAccepted);
        return new Practice(app, hart, ada, ben, room, day, adas);
    }

    private static async Task<(CalendarFeed Feed, ICalendar Calendar)> ReadAsync(TestApp app, Guid owner)
    {
        var address = await app.Get<CalendarSubscriptions>().AddressAsync(owner, Base);
        var feed = await app.Get<CalendarSubscriptions>().ReadAsync(SecretOf(address!));
        Assert.NotNull(feed);
        return (feed, ICalendar.Load(feed.Body)!);
    }

    private static string SecretOf(string address)
    {
        Assert.StartsWith("webcal://clinic.example/calendar/", address);
        return address["webcal://clinic.example/calendar/".Length..^".ics".Length];
    }

    private static string Local(Ical.Net.DataTypes.CalDateTime time) => $"{time.Value:yyyy-MM-dd HH:mm} {time.TzId}";

    [Fact]
    public async Task AClinicianSeesTheirLiveAppointmentsWithVisitTypeRoomAndPatient_NeverTheReasonNorACancelledOne()
    {
        var practice = await StartAsync();
        await using var app = practice.App;

        var (feed, calendar) = await ReadAsync(app, practice.Hart);

        var visit = Assert.Single(calendar.Events);
        Assert.Equal($"{practice.AdasVisit.AppointmentId:N}.{practice.Hart:N}@clinicportal", visit.Uid);
        Assert.Equal("Consultation: Ada Lovelace", visit.Summary);
        Assert.Equal("Treatment room", visit.Location);
        Assert.Equal("2026-03-03 09:00 Europe/London", Local(visit.DtStart!));
        Assert.Equal("2026-03-03 09:10 Europe/London", Local(visit.DtEnd!));
        Assert.Null(calendar.Method);
        Assert.Equal("Dr Ada Hart · Test Practice", calendar.Properties["X-WR-CALNAME"]!.Value);
        Assert.DoesNotContain("chest pain", feed.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Ben Jonson", feed.Body);
    }

    [Fact]
    public async Task APatientSeesTheirOwnAppointmentWithItsClinicianAndRoom_AndNothingOfAnotherPatients()
    {
        var practice = await StartAsync();
        await using var app = practice.App;

        var (feed, calendar) = await ReadAsync(app, practice.Ada);
        var (_, bens) = await ReadAsync(app, practice.Ben);

        var visit = Assert.Single(calendar.Events);
        Assert.Equal($"{practice.AdasVisit.AppointmentId:N}@clinicportal", visit.Uid);
        Assert.Equal("Consultation with Dr Ada Hart", visit.Summary);
        Assert.Equal("Test Practice, Treatment room", visit.Location);
        Assert.DoesNotContain("chest pain", feed.Body, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(bens.Events);
    }

    [Fact]
    public async Task TheTagStaysWhileNothingChanges_AndAMoveChangesItAndTheTime_AndACancellationTakesTheVisitAway()
    {
        var practice = await StartAsync();
        await using var app = practice.App;
        var (before, _) = await ReadAsync(app, practice.Hart);
        app.Clock.Advance(TimeSpan.FromMinutes(20));
        var (again, _) = await ReadAsync(app, practice.Hart);
        Assert.Equal(before.ETag, again.ETag);
        Assert.Equal(before.Body, again.Body);
        Assert.True(again.Matches(before.ETag));
        Assert.True(again.Matches($"\"other\", {before.ETag}"));
        Assert.False(again.Matches("\"other\""));

        var moved = await app.Get<MoveAppointmentHandler>().HandleAsync(practice.AdasVisit.AppointmentId, [practice.Day.Slots[3].SlotId], Actor.Patient(practice.Ada));
        Assert.True(moved.IsAccepted, moved.Rejection?.ToString());
        var (afterMove, calendar) = await ReadAsync(app, practice.Hart);
        Assert.NotEqual(before.ETag, afterMove.ETag);
        Assert.False(afterMove.Matches(before.ETag));
        Assert.Equal("2026-03-03 09:30 Europe/London", Local(Assert.Single(calendar.Events).DtStart!));

        Assert.True((await app.Get<CancelAppointmentHandler>().HandleAsync(practice.AdasVisit.AppointmentId, A.Receptionist)).IsAccepted);
        var (_, afterCancel) = await ReadAsync(app, practice.Hart);
        Assert.Empty(afterCancel.Events);
        var (_, adas) = await ReadAsync(app, practice.Ada);
        Assert.Empty(adas.Events);
    }

    [Fact]
    public async Task ItListsSevenDaysBackToNinetyAhead()
    {
        await using var app = await TestApp.StartAsync();
        var hart = await app.CreateUserAsync("Dr Ada Hart", "hart@clinic.test", Roles.Doctor);
        var ada = await app.CreateUserAsync("Ada Lovelace", "ada@mail.test", Roles.Patient);
        var today = new DateOnly(2026, 3, 2);
        var days = new[] { today.AddDays(CalendarSubscriptions.DaysAhead), today.AddDays(CalendarSubscriptions.DaysAhead + 1) };
        foreach (var date in days)
        {
            var day = (await app.Get<ScheduleDayHandler>().HandleAsync(hart, date, [new BlockOfTime(new(9, 0), new(10, 0))], Actor.Doctor(hart))).Value!;
            Assert.True((await app.Get<BookSlotsHandler>().HandleAsync(ada, [day.Slots[0].SlotId], A.Receptionist)).IsAccepted);
        }
        Assert.Equal([days[0]], (await ReadAsync(app, hart)).Calendar.Events.Select(e => DateOnly.FromDateTime(e.DtStart!.Value)));
        Assert.Equal([days[0]], (await ReadAsync(app, ada)).Calendar.Events.Select(e => DateOnly.FromDateTime(e.DtStart!.Value)));

        // A week after the first, it is still listed; a day later it is not.
        app.Clock.Advance(TimeSpan.FromDays(CalendarSubscriptions.DaysAhead + CalendarSubscriptions.DaysBack));
        Assert.Equal(days, (await ReadAsync(app, hart)).Calendar.Events.Select(e => DateOnly.FromDateTime(e.DtStart!.Value)));
        app.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal([days[1]], (await ReadAsync(app, hart)).Calendar.Events.Select(e => DateOnly.FromDateTime(e.DtStart!.Value)));
        Assert.Equal([days[1]], (await ReadAsync(app, ada)).Calendar.Events.Select(e => DateOnly.FromDateTime(e.DtStart!.Value)));
    }

    [Fact]
    public async Task ANewAddressEndsTheOldOne_AndAMadeUpOneOrAStaffMembersWithoutAppointmentsOpensNothing()
    {
        var practice = await StartAsync();
        await using var app = practice.App;
        var feeds = app.Get<CalendarSubscriptions>();
        var old = SecretOf((await feeds.AddressAsync(practice.Hart, Base))!);
        Assert.Equal(old, SecretOf((await feeds.AddressAsync(practice.Hart, Base))!));

        var renewed = SecretOf((await feeds.RenewAsync(practice.Hart, Base))!);

        Assert.NotEqual(old, renewed);
        Assert.Null(await feeds.ReadAsync(old));
        Assert.NotNull(await feeds.ReadAsync(renewed));
        Assert.Equal(renewed, SecretOf((await feeds.AddressAsync(practice.Hart, Base))!));
        var forged = renewed[..^2] + (renewed[^2..] == "AA" ? "AB" : "AA");
        Assert.Null(await feeds.ReadAsync(forged));
        Assert.Null(await feeds.ReadAsync("not-a-secret"));
        Assert.Null(await feeds.ReadAsync(""));
        var receptionist = await app.CreateUserAsync("Rita Desk", "desk@clinic.test", Roles.Receptionist);
        Assert.Null(await feeds.ReadAsync(SecretOf((await feeds.AddressAsync(receptionist, Base))!)));
        Assert.Null(await feeds.AddressAsync(Guid.NewGuid(), Base));
    }

    [Fact]
    public async Task ADeactivatedClinicianAddressOpensNothing()
    {
        var practice = await StartAsync();
        await using var app = practice.App;
        var secret = SecretOf((await app.Get<CalendarSubscriptions>().AddressAsync(practice.Hart, Base))!);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ClinicUser>>();
            var user = (await users.FindByIdAsync(practice.Hart.ToString()))!;
            user.IsActive = false;
            await users.UpdateAsync(user);
        }

        Assert.Null(await app.Get<CalendarSubscriptions>().ReadAsync(secret));
    }
}
