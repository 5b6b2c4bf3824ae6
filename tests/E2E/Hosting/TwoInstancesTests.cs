using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using ClinicPortal.Tests.E2E.Api;
using ClinicPortal.Tests.E2E.Infrastructure;
using Microsoft.Playwright;
using Npgsql;
using static Microsoft.Playwright.Assertions;
using ClinicPortal.Infrastructure.Postgres;

namespace ClinicPortal.Tests.E2E.Hosting;

/// <summary>
/// Two app processes on one PostgreSQL database (Data:Provider=Postgres), as behind a load balancer: what one does
/// reaches the other's open pages, people signed in on one are signed in on the other, and when the instance that
/// runs the reactions is killed the other takes them over, with every email sent once. Its timings (2 s, 10 s) are
/// measured alone, after the journeys, not beside them on the machine's two cores.
/// </summary>
[Collection(Alone)]
public class TwoInstancesTests
{
    public const string Alone = "Two instances, alone";

    private const string Consultation = "0000c0de-0000-4000-8000-000000000010";

    /// <summary>The advisory-lock class of the reactions' leases (PostgresLogSchema.LeaseLockClass).</summary>
    private const long LeaseLockClass = 0x0C11_0002;

    /// <summary>The reactions that hold a lease: the quota, the patients' notices, the waiting list, the clock, the email sender.</summary>
    private const int Reactions = 5;

    private static async Task<Dictionary<string, string>> OnOneDatabaseAsync(params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string>
        {
            ["Seed:Demo"] = "true",
            ["Data:Provider"] = "Postgres",
            ["ConnectionStrings:Clinic"] = (await PostgresServer.SharedAsync()).NewDatabase("e2e"),
        };
        foreach (var (key, value) in more)
            settings[key] = value;
        return settings;
    }

    [Fact]
    public async Task WhatOneInstanceDoesShowsOnTheOthersOpenPageWithinTwoSeconds_AndASessionWorksOnBoth()
    {
        var settings = await OnOneDatabaseAsync();
        await using var first = await AppProcess.StartAsync(settings: settings);
        await using var second = await AppProcess.StartAsync(settings: settings);
        await using var browser = await Browser.LaunchAsync();
        var day = Pages.Weekday(36); // beyond the demo's days, and no other test's

        // A patient has the day open on the second instance: nothing to book yet.
        var page = await browser.NewPageAsync(second.BaseAddress);
        await Pages.SignInAsync(page, "patient5@demo.clinic", then: "/book");
        await Pages.ShowAppointmentDayAsync(page, day);
        await Expect(page.GetByTestId("no-slots")).ToBeVisibleAsync();

        // A doctor schedules it on the first: the time appears on the open page.
        using var doctor = await ApiClient.SignedInAsync(first.BaseAddress, "doctor1@demo.clinic");
        using var scheduled = await doctor.PostAsJsonAsync("/api/doctors/me/days", new { date = $"{day:yyyy-MM-dd}", blocks = new[] { new { start = "10:00", end = "10:10" } } });
        Assert.Equal(HttpStatusCode.Created, scheduled.StatusCode);
        await Expect(page.Locator(".slot-offer")).ToHaveCountAsync(1, new() { Timeout = 2_000 });
        await Pages.ScreenshotAsync(page, "two-instances-time-appears");

        // Another patient books it on the first: it goes from the open page.
        var slot = (await scheduled.JsonAsync()).GetProperty("slots")[0].GetProperty("slotId").GetGuid();
        using var other = await ApiClient.SignedInAsync(first.BaseAddress, "patient6@demo.clinic");
        using var booked = await other.PostAsJsonAsync("/api/appointments", new { serviceId = Consultation, slotIds = new[] { slot } });
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var appointment = (await booked.JsonAsync()).GetProperty("appointmentId").GetGuid();
        await Expect(page.GetByTestId("no-slots")).ToBeVisibleAsync(new() { Timeout = 2_000 });

        // The keys are shared: a token the first issued works on the second, and the browser's cookie on the first.
        using var onSecond = new HttpClient { BaseAddress = second.BaseAddress };
        onSecond.DefaultRequestHeaders.Authorization = other.DefaultRequestHeaders.Authorization;
        using var mine = await onSecond.GetAsync("/api/bookings/mine");
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Contains(appointment.ToString(), await mine.Content.ReadAsStringAsync());
        await page.GotoAsync(new Uri(first.BaseAddress, "/my-bookings").ToString());
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/my-bookings$"));
        await Expect(page.GetByTestId("monthly-usage")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheInstanceRunningTheReactionsKilled_TheOtherTakesOverWithinTenSeconds_AndEveryEmailIsSentOnce()
    {
        await using var smtp = await SmtpServer.CreateAsync();
        var settings = await OnOneDatabaseAsync(
            ("Email:Smtp:Host", "127.0.0.1"), ("Email:Smtp:Port", smtp.Port.ToString()), ("Email:Smtp:Security", "None"));
        await using var database = NpgsqlDataSource.Create(settings["ConnectionStrings:Clinic"]);
        await using var leader = await AppProcess.StartAsync(settings: settings);
        await WaitForLeasesAsync(database);
        await using var follower = await AppProcess.StartAsync(settings: settings);

        var day = Pages.Weekday(37);
        using var doctor = await ApiClient.SignedInAsync(follower.BaseAddress, "doctor2@demo.clinic");
        using var scheduled = await doctor.PostAsJsonAsync("/api/doctors/me/days", new { date = $"{day:yyyy-MM-dd}", blocks = new[] { new { start = "10:00", end = "11:00" } } });
        Assert.Equal(HttpStatusCode.Created, scheduled.StatusCode);
        var slots = (await scheduled.JsonAsync()).GetProperty("slots").EnumerateArray().Select(s => s.GetProperty("slotId").GetGuid()).ToArray();
        var patients = Enumerable.Range(1, 6).Select(n => $"patient{n}@demo.clinic").ToArray();

        // Booked on the follower, emailed by the leader.
        for (var i = 0; i < 3; i++)
            await BookAsync(follower, patients[i], slots[i]);
        Assert.Equal(3, (await Mailbox.WaitForCountAsync(smtp.Messages, IsBookedNotice, 3)).Count);
        await WaitUntilNothingWaitsAsync(database);

        // SIGKILL: no shutdown, no lease given back but by the database seeing the session die.
        await leader.DisposeAsync();
        var killed = Stopwatch.StartNew();
        for (var i = 3; i < 6; i++)
            await BookAsync(follower, patients[i], slots[i]);
        await Mailbox.WaitForCountAsync(smtp.Messages, IsBookedNotice, 6, TimeSpan.FromSeconds(10));
        var carriedOnAfter = killed.Elapsed;

        var notices = smtp.Messages().Where(IsBookedNotice).ToArray();
        Assert.True(notices.Length == 6, $"{notices.Length} booking emails within 10 s of the kill:\n{follower.Output}");
        Assert.True(carriedOnAfter < TimeSpan.FromSeconds(10), $"The follower took {carriedOnAfter.TotalSeconds:F1} s to carry on.");
        foreach (var patient in patients)
            Assert.Single(notices, m => m.Contains($"To: {patient}", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(Reactions, await LeasesHeldAsync(database));
    }

    private static bool IsBookedNotice(string message) => message.Contains("Subject: Booked:");

    private static async Task BookAsync(AppProcess app, string patient, Guid slot)
    {
        using var client = await ApiClient.SignedInAsync(app.BaseAddress, patient);
        using var booked = await client.PostAsJsonAsync("/api/appointments", new { serviceId = Consultation, slotIds = new[] { slot } });
        Assert.True(booked.StatusCode == HttpStatusCode.Created, $"{patient}: {(int)booked.StatusCode} {await booked.Content.ReadAsStringAsync()}");
    }

    private static async Task<long> LeasesHeldAsync(NpgsqlDataSource database)
    {
        await using var command = database.CreateCommand(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND classid::bigint = @class AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database());");
        command.Parameters.AddWithValue("class", LeaseLockClass);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task WaitForLeasesAsync(NpgsqlDataSource database)
    {
        await Poll.UntilAsync(async () => await LeasesHeldAsync(database) >= Reactions, TimeSpan.FromSeconds(10));
        Assert.Equal(Reactions, await LeasesHeldAsync(database));
    }

    private static async Task WaitUntilNothingWaitsAsync(NpgsqlDataSource database)
    {
        await using var command = database.CreateCommand("SELECT count(*) FROM outbox WHERE status <> 'sent';");
        await Poll.UntilAsync(async () => (long)(await command.ExecuteScalarAsync())! == 0, TimeSpan.FromSeconds(10));
        Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);
    }
}

[CollectionDefinition(TwoInstancesTests.Alone, DisableParallelization = true)]
public sealed class TwoInstancesCollection;
