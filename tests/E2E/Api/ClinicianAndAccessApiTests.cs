using System.Net;
using System.Net.Http.Json;
using ClinicPortal.Tests.E2E.Infrastructure;

namespace ClinicPortal.Tests.E2E.Api;

[Collection(ClinicAppCollection.Name)]
public class ClinicianAndAccessApiTests(ClinicAppFixture fixture)
{
    private Uri Base => fixture.App.BaseAddress;

    [Fact]
    public async Task AClinicianSchedulesADayAndAReceptionistCancelsItWithItsAppointments()
    {
        using var doctor = await ApiClient.SignedInAsync(Base, "doctor3@demo.clinic");
        using var patient = await ApiClient.SignedInAsync(Base, "patient10@demo.clinic");
        using var reception = await ApiClient.SignedInAsync(Base, "reception@demo.clinic");
        var date = Pages.NextWeekday().AddDays(35).ToString("yyyy-MM-dd");

        using var scheduled = await doctor.PostAsJsonAsync("/api/doctors/me/days",
            new { date, blocks = new[] { new { start = "09:00", end = "09:30" }, new { start = "15:00", end = "15:20" } } });
        Assert.Equal(HttpStatusCode.Created, scheduled.StatusCode);
        var day = await scheduled.JsonAsync();
        Assert.Equal(5, day.GetProperty("slots").GetArrayLength());
        var doctorId = day.GetProperty("doctorId").GetGuid();

        using var overlapping = await doctor.PostAsJsonAsync("/api/doctors/me/days", new { date, blocks = new[] { new { start = "09:20", end = "09:40" } } });
        await overlapping.AssertProblemAsync(HttpStatusCode.Conflict, "overlaps_existing_slots");
        using var badTime = await doctor.PostAsJsonAsync("/api/doctors/me/days", new { date, blocks = new[] { new { start = "9am", end = "10:00" } } });
        await badTime.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        var slot = day.GetProperty("slots")[4].GetProperty("slotId").GetGuid();
        using var booked = await patient.PostAsJsonAsync("/api/bookings", new { slotIds = new[] { slot } });
        var bookingId = (await booked.JsonAsync()).GetProperty("bookingId").GetGuid();

        using var otherDoctor = await ApiClient.SignedInAsync(Base, "doctor1@demo.clinic");
        using var notTheirs = await otherDoctor.PostAsJsonAsync($"/api/doctors/{doctorId}/days/{date}/cancel", new { reason = "Mine now" });
        await notTheirs.AssertProblemAsync(HttpStatusCode.Forbidden, "not_your_day");
        using var noReason = await reception.PostAsJsonAsync($"/api/doctors/{doctorId}/days/{date}/cancel", new { reason = " " });
        await noReason.AssertProblemAsync(HttpStatusCode.BadRequest, "reason_required");

        using var cancelled = await reception.PostAsJsonAsync($"/api/doctors/{doctorId}/days/{date}/cancel", new { reason = "Conference" });
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var result = await cancelled.JsonAsync();
        Assert.Equal(bookingId, Assert.Single(result.GetProperty("cancelledBookings").EnumerateArray()).GetProperty("bookingId").GetGuid());
        var mine = await (await patient.GetAsync("/api/bookings/mine")).JsonAsync();
        Assert.DoesNotContain(mine.EnumerateArray(), b => b.GetProperty("bookingId").GetGuid() == bookingId);
    }

    [Fact]
    public async Task EveryEndpointWantsASignedInCallerOfTheRightRole()
    {
        using var anonymous = new HttpClient { BaseAddress = Base };
        using var patient = await ApiClient.SignedInAsync(Base, "patient11@demo.clinic");
        using var doctor = await ApiClient.SignedInAsync(Base, "doctor2@demo.clinic");
        var date = Pages.NextWeekday().ToString("yyyy-MM-dd");

        await (await anonymous.GetAsync($"/api/slots?date={date}")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await anonymous.GetAsync("/api/bookings/mine")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await patient.PostAsJsonAsync("/api/doctors/me/days", new { date, blocks = Array.Empty<object>() }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await patient.PostAsJsonAsync($"/api/doctors/{Guid.NewGuid()}/days/{date}/cancel", new { reason = "x" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await doctor.GetAsync("/api/bookings/mine")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await doctor.PostAsJsonAsync("/api/bookings", new { slotIds = new[] { Guid.NewGuid() } })).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await anonymous.PostAsJsonAsync("/api/identity/login", new { email = "patient11@demo.clinic", password = "wrong" }))
            .AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesTheEndpoints()
    {
        using var anonymous = new HttpClient { BaseAddress = Base };

        var document = await (await anonymous.GetAsync("/openapi/v1.json")).JsonAsync();

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Contains("/api/slots", paths);
        Assert.Contains("/api/bookings", paths);
        Assert.Contains("/api/doctors/{doctorId}/days/{date}/cancel", paths);
        Assert.Contains("/api/identity/login", paths);
    }

    [Fact]
    public async Task TheFirstContractsRoutesAreDeprecatedAliases_EachNamingTheRouteToUse()
    {
        using var anonymous = new HttpClient { BaseAddress = Base };
        var paths = (await (await anonymous.GetAsync("/openapi/v1.json")).JsonAsync()).GetProperty("paths");
        bool Deprecated(string path, string method) =>
            paths.GetProperty(path).GetProperty(method).TryGetProperty("deprecated", out var flag) && flag.GetBoolean();

        foreach (var (path, method, use) in new[]
        {
            ("/api/slots", "get", "/api/availability"), ("/api/bookings", "post", "POST /api/appointments"),
            ("/api/bookings/mine", "get", "/api/appointments/mine"), ("/api/bookings/{bookingId}", "delete", "/api/appointments/{appointmentId}"),
            ("/api/services", "get", "/api/visit-types"), ("/api/services", "post", "/api/visit-types"), ("/api/services/{serviceId}", "put", "/api/visit-types/{visitTypeId}"),
            ("/api/doctors/me/days", "post", "/api/clinicians/me/days"),
            ("/api/doctors/{doctorId}/days/{date}/cancel", "post", "/api/clinicians/{clinicianId}/days/{date}/cancel"),
        })
        {
            Assert.True(Deprecated(path, method), $"{method} {path} is marked deprecated");
            Assert.Contains(use, paths.GetProperty(path).GetProperty(method).GetProperty("description").GetString());
        }
        foreach (var (path, method) in new[]
        {
            ("/api/availability", "get"), ("/api/appointments", "post"), ("/api/appointments/mine", "get"), ("/api/appointments/{appointmentId}", "delete"),
            ("/api/visit-types", "get"), ("/api/visit-types/{visitTypeId}", "put"), ("/api/clinicians/me/days", "post"),
            ("/api/clinicians/{clinicianId}/days/{date}/cancel", "post"),
        })
            Assert.False(Deprecated(path, method), $"{method} {path} is not deprecated");
    }

    [Fact]
    public async Task TheClinicianAppointmentAndVisitTypeRoutesDoWhatTheirAliasesDo()
    {
        using var nurse = await ApiClient.SignedInAsync(Base, "nurse1@demo.clinic");
        using var patient = await ApiClient.SignedInAsync(Base, "patient15@demo.clinic");
        using var reception = await ApiClient.SignedInAsync(Base, "reception@demo.clinic");
        var date = Pages.Weekday(38).ToString("yyyy-MM-dd"); // beyond the demo's days, and no other test's

        using var scheduled = await nurse.PostAsJsonAsync("/api/clinicians/me/days", new { date, blocks = new[] { new { start = "11:00", end = "11:20" } } });
        Assert.Equal(HttpStatusCode.Created, scheduled.StatusCode);
        var day = await scheduled.JsonAsync();
        var (clinicianId, slot) = (day.GetProperty("doctorId").GetGuid(), day.GetProperty("slots")[0].GetProperty("slotId").GetGuid());

        var types = await (await patient.GetAsync("/api/visit-types")).JsonAsync();
        var services = await (await patient.GetAsync("/api/services")).JsonAsync();
        Assert.Equal(services.GetRawText(), types.GetRawText());
        var vaccination = types.EnumerateArray().Single(t => t.GetProperty("name").GetString() == "Vaccination").GetProperty("serviceId").GetGuid();

        using var booked = await patient.PostAsJsonAsync("/api/appointments", new { serviceId = vaccination, slotIds = new[] { slot } });
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var appointmentId = (await booked.JsonAsync()).GetProperty("appointmentId").GetGuid();
        var mine = await (await patient.GetAsync("/api/appointments/mine")).JsonAsync();
        Assert.Contains(mine.EnumerateArray(), b => b.GetProperty("bookingId").GetGuid() == appointmentId);
        Assert.Equal(mine.GetRawText(), (await (await patient.GetAsync("/api/bookings/mine")).JsonAsync()).GetRawText());

        Assert.Equal(HttpStatusCode.NoContent, (await patient.DeleteAsync($"/api/appointments/{appointmentId}")).StatusCode);
        Assert.DoesNotContain((await (await patient.GetAsync("/api/appointments/mine")).JsonAsync()).EnumerateArray(), b => b.GetProperty("bookingId").GetGuid() == appointmentId);

        using var cancelled = await reception.PostAsJsonAsync($"/api/clinicians/{clinicianId}/days/{date}/cancel", new { reason = "Training" });
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal(clinicianId, (await cancelled.JsonAsync()).GetProperty("doctorId").GetGuid());
    }
}

public class RateLimitTests
{
    [Fact]
    public async Task SignInAndBookingAreRateLimited()
    {
        await using var app = await AppProcess.StartAsync(settings: new Dictionary<string, string>
        {
            ["Seed:Demo"] = "true",
            ["RateLimits:SignInPerMinute"] = "3",
            ["RateLimits:BookingsPerMinute"] = "2",
        });
        using var anonymous = app.CreateClient();
        for (var i = 0; i < 2; i++)
            (await anonymous.PostAsJsonAsync("/api/identity/login", new { email = "nobody@demo.clinic", password = "x" })).Dispose();
        using var patient = await ApiClient.SignedInAsync(app.BaseAddress, "patient12@demo.clinic"); // the third sign-in

        using var fourth = await anonymous.PostAsJsonAsync("/api/identity/login", new { email = "patient12@demo.clinic", password = ApiClient.Password });
        await fourth.AssertProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.True(fourth.Headers.RetryAfter is not null, "A 429 says when to try again.");

        for (var i = 0; i < 2; i++)
            (await patient.PostAsJsonAsync("/api/bookings", new { slotIds = new[] { Guid.NewGuid() } })).Dispose();
        using var third = await patient.PostAsJsonAsync("/api/bookings", new { slotIds = new[] { Guid.NewGuid() } });
        await third.AssertProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");
    }
}
