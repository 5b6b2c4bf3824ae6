using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClinicPortal.Tests.E2E.Infrastructure;

namespace ClinicPortal.Tests.E2E.Api;

/// <summary>Services, availability, next available and appointments over the JSON API, on the demo practice.</summary>
[Collection(ClinicAppCollection.Name)]
public class VisitTypeApiTests(ClinicAppFixture fixture)
{
    private Uri Base => fixture.App.BaseAddress;
    private static string Day(int weekday) => Pages.Weekday(weekday).ToString("yyyy-MM-dd");

    private static async Task<JsonElement[]> ServicesAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/api/services");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.JsonAsync()).EnumerateArray().ToArray();
    }

    private static Guid IdOf(JsonElement[] services, string name) =>
        services.Single(s => s.GetProperty("name").GetString() == name).GetProperty("serviceId").GetGuid();

    [Fact]
    public async Task PatientsSeeTheOnlineServices_StaffSeeThemAll_EachWithWhoGivesIt()
    {
        using var patient = await ApiClient.SignedInAsync(Base, "patient7@demo.clinic");
        using var reception = await ApiClient.SignedInAsync(Base, "reception@demo.clinic");

        var online = await ServicesAsync(patient);
        var all = await ServicesAsync(reception);

        Assert.Equal(["Consultation", "Long consultation"], online.Take(2).Select(s => s.GetProperty("name").GetString()));
        Assert.Contains(online, s => s.GetProperty("name").GetString() == "Vaccination" && s.GetProperty("durationMinutes").GetInt32() == 10);
        Assert.DoesNotContain(online, s => s.GetProperty("name").GetString() == "Minor procedure");
        var procedure = all.Single(s => s.GetProperty("name").GetString() == "Minor procedure");
        Assert.False(procedure.GetProperty("bookableOnline").GetBoolean());
        Assert.Equal(3, procedure.GetProperty("clinicianIds").GetArrayLength()); // the three doctors
        Assert.Equal(1, all.Single(s => s.GetProperty("name").GetString() == "Vaccination").GetProperty("clinicianIds").GetArrayLength());
    }

    [Fact]
    public async Task APatientFindsTheNextCounsellingSessionAndBooksItAsAnAppointment()
    {
        using var patient = await ApiClient.SignedInAsync(Base, "patient8@demo.clinic");
        var counselling = IdOf(await ServicesAsync(patient), "Counselling");
        // Fifty minutes are five slots of the month's ten: the demo's bookings of this patient make way.
        foreach (var held in (await (await patient.GetAsync("/api/bookings/mine")).JsonAsync()).EnumerateArray())
            Assert.Equal(HttpStatusCode.NoContent, (await patient.DeleteAsync($"/api/bookings/{held.GetProperty("bookingId").GetGuid()}")).StatusCode);

        using var next = await patient.GetAsync($"/api/availability/next?serviceId={counselling}");
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        var found = await next.JsonAsync();
        var clinician = found.GetProperty("clinicians").EnumerateArray().Single();
        Assert.Equal("Counsellor", clinician.GetProperty("kind").GetString());
        var start = clinician.GetProperty("starts")[0];
        var slotIds = start.GetProperty("slotIds").EnumerateArray().Select(s => s.GetGuid()).ToArray();
        Assert.Equal(5, slotIds.Length);
        Assert.Equal(TimeSpan.FromMinutes(50), start.GetProperty("end").GetDateTimeOffset() - start.GetProperty("start").GetDateTimeOffset());

        using var tooShort = await patient.PostAsJsonAsync("/api/appointments", new { serviceId = counselling, slotIds = slotIds[..4] });
        await tooShort.AssertProblemAsync(HttpStatusCode.Conflict, "slots_not_free_for_service");
        using var booked = await patient.PostAsJsonAsync("/api/appointments", new { serviceId = counselling, slotIds, reason = "Sleep" });
        Assert.True(booked.StatusCode == HttpStatusCode.Created, await booked.Content.ReadAsStringAsync());
        var appointment = await booked.JsonAsync();
        Assert.Equal(counselling, appointment.GetProperty("serviceId").GetGuid());
        Assert.Equal(clinician.GetProperty("clinicianId").GetGuid(), appointment.GetProperty("clinicianId").GetGuid());

        var mine = await (await patient.GetAsync("/api/bookings/mine")).JsonAsync();
        Assert.Contains(mine.EnumerateArray(), b => b.GetProperty("bookingId").GetGuid() == appointment.GetProperty("appointmentId").GetGuid()
            && b.GetProperty("serviceName").GetString() == "Counselling" && b.GetProperty("slotCount").GetInt32() == 5);
        using var cancelled = await patient.DeleteAsync($"/api/bookings/{appointment.GetProperty("appointmentId").GetGuid()}");
        Assert.Equal(HttpStatusCode.NoContent, cancelled.StatusCode);
    }

    [Fact]
    public async Task TheRulesOfVisitTypesAreNamedRefusals()
    {
        using var patient = await ApiClient.SignedInAsync(Base, "patient9@demo.clinic");
        using var reception = await ApiClient.SignedInAsync(Base, "reception@demo.clinic");
        var all = await ServicesAsync(reception);
        var vaccination = IdOf(all, "Vaccination");
        var procedure = IdOf(all, "Minor procedure");
        var doctorSlot = (await (await patient.GetAsync($"/api/slots?date={Day(7)}")).JsonAsync())[0].GetProperty("slots")[0].GetProperty("slotId").GetGuid();

        using var notTheNurse = await patient.PostAsJsonAsync("/api/appointments", new { serviceId = vaccination, slotIds = new[] { doctorSlot } });
        await notTheNurse.AssertProblemAsync(HttpStatusCode.Conflict, "clinician_does_not_give_service");
        using var staffOnly = await patient.GetAsync($"/api/availability?serviceId={procedure}&date={Day(7)}");
        await staffOnly.AssertProblemAsync(HttpStatusCode.Conflict, "service_not_bookable_online");

        // Reception sees Dr Hart's time kept for procedures; a patient's consultations never include it.
        var forStaff = await (await reception.GetAsync($"/api/availability?serviceId={procedure}&date={Day(7)}")).JsonAsync();
        var hart = forStaff.EnumerateArray().Single(c => c.GetProperty("clinicianName").GetString() == "Dr Ada Hart");
        var kept = hart.GetProperty("starts").EnumerateArray().Single(s => s.GetProperty("start").GetDateTimeOffset() is { Hour: 16, Minute: 0 });
        var keptSlot = kept.GetProperty("slotIds")[0].GetGuid();
        var consultations = await (await patient.GetAsync($"/api/slots?date={Day(7)}")).JsonAsync();
        Assert.DoesNotContain(consultations.EnumerateArray().SelectMany(d => d.GetProperty("slots").EnumerateArray()), s => s.GetProperty("slotId").GetGuid() == keptSlot);
        using var intoKeptTime = await patient.PostAsJsonAsync("/api/bookings", new { slotIds = new[] { keptSlot } });
        await intoKeptTime.AssertProblemAsync(HttpStatusCode.Conflict, "slots_not_free_for_service");

        using var unknown = await patient.GetAsync($"/api/availability?serviceId={Guid.NewGuid()}&date={Day(7)}");
        await unknown.AssertProblemAsync(HttpStatusCode.NotFound, "visit_type_not_found");
        using var badDate = await patient.GetAsync($"/api/availability?serviceId={vaccination}&date=tomorrow");
        await badDate.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task AServiceThatCannotBeTrueIsRefusedWithA400NamingTheField_AndNothingIsAdded()
    {
        using var owner = await ApiClient.SignedInAsync(Base, "admin@demo.clinic");
        using var reception = await ApiClient.SignedInAsync(Base, "reception@demo.clinic");
        var patientId = (await (await reception.GetAsync("/api/patients?query=patient9%40demo.clinic")).JsonAsync())[0].GetProperty("patientId").GetGuid();
        var before = (await ServicesAsync(owner)).Length;
        var name = $"Impossible {Guid.NewGuid():N}"[..20];

        async Task RefusedAsync(string body, string field)
        {
            using var response = await owner.PostJsonAsync("/api/services", body);
            await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
            var detail = (await response.JsonAsync()).GetProperty("detail").GetString()!;
            Assert.True(detail.Contains(field, StringComparison.Ordinal), $"{body} → {detail}");
        }

        await RefusedAsync($$"""{"name":"{{name}}","durationMinutes":10,"clinicianKinds":[7]}""", "clinicianKinds");
        await RefusedAsync($$"""{"name":"{{name}}","durationMinutes":10,"clinicianIds":["00000000-0000-0000-0000-000000000000"]}""", "clinicianIds");
        await RefusedAsync($$"""{"name":"{{name}}","durationMinutes":10,"clinicianIds":["{{patientId}}"]}""", "clinicianIds");
        var thousand = string.Join(",", Enumerable.Repeat("\"00000000-0000-0000-0000-000000000000\"", 1000));
        await RefusedAsync($$"""{"name":"{{name}}","durationMinutes":10,"clinicianIds":[{{thousand}}]}""", "clinicianIds");
        await RefusedAsync($$"""{"name":"{{name}}","durationMinutes":"10","clinicianKinds":["Nurse"]}""", "durationMinutes");
        await RefusedAsync($$"""{"name":"{{name}}","parts":[null,null]}""", "parts[0]");
        await RefusedAsync($$"""{"name":"{{name}}","parts":[{"kind":9,"offsetMinutes":0,"minutes":10},{"kind":"Doctor","offsetMinutes":10,"minutes":10}]}""", "parts[0].kind");

        Assert.Equal(before, (await ServicesAsync(owner)).Length);
    }

    [Fact]
    public async Task AReportRangeOutsideTheDatesTheApiTakesIsA400_NeverAServerError()
    {
        using var owner = await ApiClient.SignedInAsync(Base, "admin@demo.clinic");
        using var farOff = await owner.GetAsync("/api/reports/summary?from=9999-12-31&to=9999-12-31");
        await farOff.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        using var longAgo = await owner.GetAsync("/api/reports/summary?from=0001-01-01&to=0001-01-02");
        await longAgo.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains("Choose days between", (await longAgo.JsonAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task OnlyTheOwnerDefinesServices_AndTheirRulesAreSaidAsProblems()
    {
        using var owner = await ApiClient.SignedInAsync(Base, "admin@demo.clinic");
        using var reception = await ApiClient.SignedInAsync(Base, "reception@demo.clinic");
        var name = $"Ear syringing {Guid.NewGuid():N}"[..22];

        using var notOwner = await reception.PostAsJsonAsync("/api/services", new { name, durationMinutes = 20, clinicianKinds = new[] { "Nurse" } });
        Assert.Equal(HttpStatusCode.Forbidden, notOwner.StatusCode);
        using var badLength = await owner.PostAsJsonAsync("/api/services", new { name, durationMinutes = 25, clinicianKinds = new[] { "Nurse" } });
        await badLength.AssertProblemAsync(HttpStatusCode.BadRequest, "visit_type_length_invalid");
        using var taken = await owner.PostAsJsonAsync("/api/services", new { name = "Vaccination", durationMinutes = 10, clinicianKinds = new[] { "Nurse" } });
        await taken.AssertProblemAsync(HttpStatusCode.Conflict, "visit_type_name_taken");

        using var added = await owner.PostAsJsonAsync("/api/services", new { name, durationMinutes = 20, clinicianKinds = new[] { "Nurse" }, bookableOnline = false });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var id = (await added.JsonAsync()).GetProperty("serviceId").GetGuid();
        using var changed = await owner.PutAsJsonAsync($"/api/services/{id}", new { name, durationMinutes = 30, clinicianKinds = new[] { "Nurse" }, bookableOnline = true });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(30, (await changed.JsonAsync()).GetProperty("durationMinutes").GetInt32());
        using var missing = await owner.PutAsJsonAsync($"/api/services/{Guid.NewGuid()}", new { name = "Nothing here", durationMinutes = 10, clinicianKinds = new[] { "Nurse" } });
        await missing.AssertProblemAsync(HttpStatusCode.NotFound, "visit_type_not_found");
    }

    [Fact]
    public async Task ReceptionFindsAPatientForThePhoneButAPatientCannotSearch()
    {
        using var reception = await ApiClient.SignedInAsync(Base, "reception@demo.clinic");
        using var patient = await ApiClient.SignedInAsync(Base, "patient3@demo.clinic");

        var found = await (await reception.GetAsync("/api/patients?query=patient12@")).JsonAsync();

        var match = Assert.Single(found.EnumerateArray());
        Assert.Equal("Patient 12", match.GetProperty("name").GetString());
        Assert.StartsWith("+44", match.GetProperty("phone").GetString());
        using var tooShort = await reception.GetAsync("/api/patients?query=p");
        await tooShort.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        using var notStaff = await patient.GetAsync("/api/patients?query=patient");
        Assert.Equal(HttpStatusCode.Forbidden, notStaff.StatusCode);
    }

    [Fact]
    public async Task APatientMovesTheirAppointmentToAnotherStart_AndNobodyElseCan()
    {
        using var patient = await ApiClient.SignedInAsync(Base, "patient10@demo.clinic");
        using var other = await ApiClient.SignedInAsync(Base, "patient11@demo.clinic");
        foreach (var held in (await (await patient.GetAsync("/api/bookings/mine")).JsonAsync()).EnumerateArray())
            await patient.DeleteAsync($"/api/bookings/{held.GetProperty("bookingId").GetGuid()}");
        var doctor = (await (await patient.GetAsync($"/api/slots?date={Day(9)}")).JsonAsync())[0];
        var slots = doctor.GetProperty("slots").EnumerateArray().ToArray();
        using var booked = await patient.PostAsJsonAsync("/api/bookings", new { slotIds = new[] { slots[0].GetProperty("slotId").GetGuid() } });
        var id = (await booked.JsonAsync()).GetProperty("bookingId").GetGuid();
        var later = slots[^1].GetProperty("start").GetString();

        using var notTheirs = await other.PostAsJsonAsync($"/api/appointments/{id}/move", new { start = later });
        await notTheirs.AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        using var moved = await patient.PostAsJsonAsync($"/api/appointments/{id}/move", new { start = later });
        Assert.True(moved.StatusCode == HttpStatusCode.OK, await moved.Content.ReadAsStringAsync());
        var answer = await moved.JsonAsync();
        Assert.Equal(DateTimeOffset.Parse(later!), answer.GetProperty("start").GetDateTimeOffset());
        Assert.Equal(doctor.GetProperty("doctorId").GetGuid(), answer.GetProperty("clinicianId").GetGuid());
        using var again = await patient.PostAsJsonAsync($"/api/appointments/{id}/move", new { start = later });
        await again.AssertProblemAsync(HttpStatusCode.Conflict, "booking_already_at_that_time");

        var freed = await (await other.GetAsync($"/api/slots?date={Day(9)}")).JsonAsync();
        Assert.Contains(freed.EnumerateArray().SelectMany(d => d.GetProperty("slots").EnumerateArray()),
            s => s.GetProperty("slotId").GetGuid() == slots[0].GetProperty("slotId").GetGuid());
    }
}
