using System.Net;
using System.Net.Http.Json;
using ClinicPortal.Tests.E2E.Infrastructure;

namespace ClinicPortal.Tests.E2E.Api;

/// <summary>A series over the API: its plan (dryRun), booking it (201), the same again (409 with the plan), reading it, cancelling the rest.</summary>
[Collection(ClinicAppCollection.Name)]
public class SeriesApiTests(ClinicAppFixture fixture)
{
    [Fact]
    public async Task PlanBookReadAndCancelTheRest_AndASecondBookingOfTheSameTimesIsAConflictWithThePlan()
    {
        var first = Pages.Weekday(61);
        var baseAddress = fixture.App.BaseAddress;
        using var okafor = await ApiClient.SignedInAsync(baseAddress, "doctor2@demo.clinic");
        var clinician = (await (await okafor.PostAsJsonAsync("/api/doctors/me/days",
            new { date = first.ToString("yyyy-MM-dd"), blocks = new[] { new { start = "11:00", end = "11:30" } } })).JsonAsync()).GetProperty("doctorId").GetGuid();
        for (var week = 1; week < 3; week++)
            Assert.Equal(HttpStatusCode.Created, (await okafor.PostAsJsonAsync("/api/doctors/me/days",
                new { date = first.AddDays(7 * week).ToString("yyyy-MM-dd"), blocks = new[] { new { start = "11:00", end = "11:30" } } })).StatusCode);
        using var reception = await ApiClient.SignedInAsync(baseAddress, "reception@demo.clinic");
        var patient = (await (await reception.GetAsync("/api/patients?query=patient15@demo")).JsonAsync())[0].GetProperty("patientId").GetGuid();
        var consultation = (await (await reception.GetAsync("/api/services")).JsonAsync()).EnumerateArray()
            .Single(s => s.GetProperty("name").GetString() == "Consultation").GetProperty("serviceId").GetGuid();
        object Ask(bool dryRun) => new { patientId = patient, serviceId = consultation, clinicianId = clinician, firstStart = $"{first:yyyy-MM-dd}T11:00", everyWeeks = 1, occurrences = 3, dryRun };

        using var plan = await reception.PostAsJsonAsync("/api/appointments/series", Ask(dryRun: true));
        Assert.Equal(HttpStatusCode.OK, plan.StatusCode);
        var dates = (await plan.JsonAsync()).GetProperty("dates").EnumerateArray().ToArray();
        Assert.Equal(3, dates.Length);
        Assert.All(dates, d => Assert.True(d.GetProperty("bookable").GetBoolean()));
        Assert.Equal($"{first:yyyy-MM-dd}T11:00:00", dates[0].GetProperty("start").GetString()![..19]);

        using var booked = await reception.PostAsJsonAsync("/api/appointments/series", Ask(dryRun: false));
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var series = await booked.JsonAsync();
        var seriesId = series.GetProperty("seriesId").GetGuid();
        Assert.Equal($"/api/appointments/series/{seriesId}", booked.Headers.Location?.ToString());
        Assert.Equal(3, series.GetProperty("appointments").GetArrayLength());

        using var again = await reception.PostAsJsonAsync("/api/appointments/series", Ask(dryRun: false));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var refused = (await again.JsonAsync()).GetProperty("dates").EnumerateArray().ToArray();
        Assert.All(refused, d => Assert.False(d.GetProperty("bookable").GetBoolean()));
        Assert.Equal("no_free_time", refused[0].GetProperty("reason").GetString());
        Assert.Equal(2, refused[0].GetProperty("alternatives").GetArrayLength()); // 11:10 and 11:20 that day

        using var patientApi = await ApiClient.SignedInAsync(baseAddress, "patient15@demo.clinic");
        Assert.Equal(HttpStatusCode.OK, (await patientApi.GetAsync($"/api/appointments/series/{seriesId}")).StatusCode);
        using var stranger = await ApiClient.SignedInAsync(baseAddress, "patient14@demo.clinic");
        await (await stranger.GetAsync($"/api/appointments/series/{seriesId}")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        // Patients book a series only of visit types the owner marked for it (a Consultation is not, in the demo).
        await (await stranger.PostAsJsonAsync("/api/appointments/series", Ask(dryRun: true))).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden"); // only for themselves
        await (await patientApi.PostAsJsonAsync("/api/appointments/series", new { serviceId = consultation, clinicianId = clinician, firstStart = $"{first:yyyy-MM-dd}T11:00", everyWeeks = 1, occurrences = 3, dryRun = true }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "series_not_bookable_online");

        using var cancelled = await patientApi.DeleteAsync($"/api/appointments/series/{seriesId}?from={first.AddDays(7):yyyy-MM-dd}");
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal(2, (await cancelled.JsonAsync()).GetProperty("cancelled").GetArrayLength());
        var now = (await (await patientApi.GetAsync($"/api/appointments/series/{seriesId}")).JsonAsync()).GetProperty("appointments").EnumerateArray()
            .Select(a => a.GetProperty("status").GetString()!).ToArray();
        Assert.Equal(["confirmed", "cancelled", "cancelled"], now);
        await (await reception.PostAsJsonAsync("/api/appointments/series", new { patientId = patient, serviceId = consultation, firstStart = "soon", everyWeeks = 1, occurrences = 3 }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }
}
