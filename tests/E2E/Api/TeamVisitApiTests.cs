using System.Net;
using System.Net.Http.Json;
using ClinicPortal.Tests.E2E.Infrastructure;

namespace ClinicPortal.Tests.E2E.Api;

/// <summary>A visit of several clinicians over the JSON API, on a day of the demo practice nobody has scheduled yet.</summary>
[Collection(ClinicAppCollection.Name)]
public class TeamVisitApiTests(ClinicAppFixture fixture)
{
    private Uri Base => fixture.App.BaseAddress;

    /// <summary>The clinician's 09:00–10:00 on the day: their id and slot ids.</summary>
    private static async Task<(Guid ClinicianId, Guid[] Slots)> ScheduleAsync(HttpClient clinician, string day)
    {
        using var response = await clinician.PostAsJsonAsync("/api/doctors/me/days", new { date = day, blocks = new[] { new { start = "09:00", end = "10:00" } } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        return (body.GetProperty("doctorId").GetGuid(), body.GetProperty("slots").EnumerateArray().Select(s => s.GetProperty("slotId").GetGuid()).ToArray());
    }

    [Fact]
    public async Task TheOwnerDefinesAVisitByItsParts_APatientBooksItInOneRequest_AndMovesItWithItsPartsKeepingTheirOffsets()
    {
        var day = Pages.Weekday(23).ToString("yyyy-MM-dd");
        using var owner = await ApiClient.SignedInAsync(Base, "admin@demo.clinic");
        var name = $"Asthma check {Guid.NewGuid():N}"[..20];
        var parts = new[] { new { kind = "Nurse", offsetMinutes = 0, minutes = 20 }, new { kind = "Doctor", offsetMinutes = 10, minutes = 20 } };
        await (await owner.PostAsJsonAsync("/api/services", new { name, parts = new[] { parts[0] } }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "visit_type_parts_invalid");
        using var defined = await owner.PostAsJsonAsync("/api/services", new { name, parts });
        Assert.Equal(HttpStatusCode.Created, defined.StatusCode);
        var service = await defined.JsonAsync();
        Assert.Equal(30, service.GetProperty("durationMinutes").GetInt32());
        Assert.Equal(2, service.GetProperty("parts").GetArrayLength());

        using var nurse = await ApiClient.SignedInAsync(Base, "nurse1@demo.clinic");
        using var doctor = await ApiClient.SignedInAsync(Base, "doctor1@demo.clinic");
        var (nurseId, nurseSlots) = await ScheduleAsync(nurse, day);
        var (doctorId, doctorSlots) = await ScheduleAsync(doctor, day);
        using var patient = await ApiClient.SignedInAsync(Base, "patient16@demo.clinic");
        var serviceId = service.GetProperty("serviceId").GetGuid();

        // The doctor's part must start 10 minutes in: the same start as the nurse's is refused, nothing held.
        await (await patient.PostAsJsonAsync("/api/appointments", new { serviceId, slotIds = new[] { nurseSlots[0], nurseSlots[1], doctorSlots[0], doctorSlots[1] } }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "slots_not_free_for_service");
        using var booked = await patient.PostAsJsonAsync("/api/appointments", new { serviceId, slotIds = new[] { nurseSlots[0], nurseSlots[1], doctorSlots[1], doctorSlots[2] } });
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var appointment = await booked.JsonAsync();
        var start = appointment.GetProperty("start").GetDateTimeOffset();
        Assert.Equal(TimeSpan.FromMinutes(30), appointment.GetProperty("end").GetDateTimeOffset() - start);
        var answered = appointment.GetProperty("parts").EnumerateArray().ToArray();
        Assert.Equal([("Nurse", nurseId, 0), ("Doctor", doctorId, 10)],
            answered.Select(p => (p.GetProperty("kind").GetString()!, p.GetProperty("clinicianId").GetGuid(), (int)(p.GetProperty("start").GetDateTimeOffset() - start).TotalMinutes)));

        var id = appointment.GetProperty("appointmentId").GetGuid();
        using var moved = await patient.PostAsJsonAsync($"/api/appointments/{id}/move", new { start = start.AddMinutes(20) });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var after = (await moved.JsonAsync()).GetProperty("parts").EnumerateArray().ToArray();
        Assert.Equal([nurseSlots[2], nurseSlots[3]], after[0].GetProperty("slotIds").EnumerateArray().Select(s => s.GetGuid()));
        Assert.Equal([doctorSlots[3], doctorSlots[4]], after[1].GetProperty("slotIds").EnumerateArray().Select(s => s.GetGuid()));
        Assert.Equal(start.AddMinutes(30), after[1].GetProperty("start").GetDateTimeOffset());

        // Reception keeps the doctor ten minutes longer, then lets the nurse go; the doctor's part cannot go as well.
        using var reception = await ApiClient.SignedInAsync(Base, "reception@demo.clinic");
        var doctorsPart = new { start = start.AddMinutes(30), end = start.AddMinutes(60) };
        Assert.Equal(HttpStatusCode.Forbidden, (await patient.PutAsJsonAsync($"/api/appointments/{id}/parts/doctor", doctorsPart)).StatusCode);
        await (await reception.PutAsJsonAsync($"/api/appointments/{id}/parts/doctor", new { clinicianId = nurseId, doctorsPart.start, doctorsPart.end }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "not_same_kind");
        using var longer = await reception.PutAsJsonAsync($"/api/appointments/{id}/parts/doctor", doctorsPart);
        Assert.Equal(HttpStatusCode.OK, longer.StatusCode);
        var lengthened = await longer.JsonAsync();
        Assert.Equal(start.AddMinutes(60), lengthened.GetProperty("end").GetDateTimeOffset());
        Assert.Equal([doctorSlots[3], doctorSlots[4], doctorSlots[5]],
            lengthened.GetProperty("parts")[1].GetProperty("slotIds").EnumerateArray().Select(s => s.GetGuid()));

        using var withoutNurse = await reception.DeleteAsync($"/api/appointments/{id}/parts/nurse");
        Assert.Equal(HttpStatusCode.OK, withoutNurse.StatusCode);
        var doctorOnly = Assert.Single((await withoutNurse.JsonAsync()).GetProperty("parts").EnumerateArray());
        Assert.Equal(doctorId, doctorOnly.GetProperty("clinicianId").GetGuid());
        await (await reception.DeleteAsync($"/api/appointments/{id}/parts/doctor")).AssertProblemAsync(HttpStatusCode.Conflict, "last_part");
        await (await reception.DeleteAsync($"/api/appointments/{id}/parts/nurse")).AssertProblemAsync(HttpStatusCode.NotFound, "part_not_found");
    }
}
