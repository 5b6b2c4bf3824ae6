using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClinicPortal.Tests.E2E.Infrastructure;

namespace ClinicPortal.Tests.E2E.Api;

/// <summary>Overrides, the conflicts desk and reassigning over the JSON API, on days of the demo practice nobody has scheduled yet.</summary>
[Collection(ClinicAppCollection.Name)]
public class ConflictApiTests(ClinicAppFixture fixture)
{
    private const string Consultation = "0000c0de-0000-4000-8000-000000000010";

    private Uri Base => fixture.App.BaseAddress;

    /// <summary>The doctor's 09:00–10:00 on the day: their id and first slot.</summary>
    private static async Task<(Guid ClinicianId, Guid FirstSlot)> ScheduleAsync(HttpClient doctor, string day)
    {
        using var response = await doctor.PostAsJsonAsync("/api/doctors/me/days", new { date = day, blocks = new[] { new { start = "09:00", end = "10:00" } } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        return (body.GetProperty("doctorId").GetGuid(), body.GetProperty("slots")[0].GetProperty("slotId").GetGuid());
    }

    [Fact]
    public async Task StaffBookOverAPatientsClashWithAReason_ItIsOnTheDesk_AndAnAppointmentIsReassignedToAClinicianFreeThen()
    {
        var day = Pages.Weekday(22).ToString("yyyy-MM-dd");
        using var first = await ApiClient.SignedInAsync(Base, "doctor1@demo.clinic");
        using var second = await ApiClient.SignedInAsync(Base, "doctor2@demo.clinic");
        using var third = await ApiClient.SignedInAsync(Base, "doctor3@demo.clinic");
        var (_, firstSlot) = await ScheduleAsync(first, day);
        var (_, secondSlot) = await ScheduleAsync(second, day);
        var (thirdDoctor, _) = await ScheduleAsync(third, day);
        using var patient = await ApiClient.SignedInAsync(Base, "patient14@demo.clinic");
        using var reception = await ApiClient.SignedInAsync(Base, "reception@demo.clinic");

        using var own = await patient.PostAsJsonAsync("/api/appointments", new { serviceId = Consultation, slotIds = new[] { firstSlot } });
        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        var held = await own.JsonAsync();
        var patientId = held.GetProperty("patientId").GetGuid();
        Assert.Empty(held.GetProperty("conflicts").EnumerateArray());
        Assert.Equal("Doctor", Assert.Single(held.GetProperty("parts").EnumerateArray()).GetProperty("kind").GetString());

        // The same time with another doctor: refused, unless staff say why.
        object Over(string? reason) => new { serviceId = Consultation, slotIds = new[] { secondSlot }, patientId, overrideReason = reason };
        await (await reception.PostAsJsonAsync("/api/appointments", Over(null))).AssertProblemAsync(HttpStatusCode.Conflict, "patient_already_booked_at_that_time");
        await (await reception.PostAsJsonAsync("/api/appointments", Over("  "))).AssertProblemAsync(HttpStatusCode.BadRequest, "override_reason_required");
        await (await patient.PostAsJsonAsync("/api/appointments", new { serviceId = Consultation, slotIds = new[] { secondSlot }, overrideReason = "Both" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "not_allowed");
        using var overridden = await reception.PostAsJsonAsync("/api/appointments", Over("Seen by both together"));
        Assert.Equal(HttpStatusCode.Created, overridden.StatusCode);
        var clash = Assert.Single((await overridden.JsonAsync()).GetProperty("conflicts").EnumerateArray());
        Assert.Equal("patient-double-booked", clash.GetProperty("kind").GetString());
        Assert.Equal("Seen by both together", clash.GetProperty("overrideReason").GetString());
        var secondAppointment = clash.GetProperty("appointmentId").GetGuid();

        using var desk = await reception.GetAsync("/api/conflicts");
        Assert.Equal(HttpStatusCode.OK, desk.StatusCode);
        Assert.Contains((await desk.JsonAsync()).EnumerateArray(), c => c.GetProperty("conflictId").GetString() == clash.GetProperty("conflictId").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await patient.GetAsync("/api/conflicts")).StatusCode);

        // Cancelling the overriding appointment clears the desk of the clash.
        Assert.Equal(HttpStatusCode.NoContent, (await reception.DeleteAsync($"/api/bookings/{secondAppointment}")).StatusCode);
        using var after = await reception.GetAsync("/api/conflicts");
        Assert.DoesNotContain((await after.JsonAsync()).EnumerateArray(), c => c.GetProperty("appointmentId").GetGuid() == secondAppointment);

        // The first appointment goes to a doctor free at 09:00 for it, not to one whose 09:00 someone else now holds.
        using var another = await ApiClient.SignedInAsync(Base, "patient15@demo.clinic");
        using var taken = await another.PostAsJsonAsync("/api/appointments", new { serviceId = Consultation, slotIds = new[] { secondSlot } });
        Assert.Equal(HttpStatusCode.Created, taken.StatusCode);
        var secondDoctor = (await taken.JsonAsync()).GetProperty("clinicianId").GetGuid();
        var appointment = held.GetProperty("appointmentId").GetGuid();
        await (await reception.PostAsJsonAsync($"/api/appointments/{appointment}/parts/doctor/reassign", new { clinicianId = secondDoctor }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "clinician_not_free");
        await (await reception.PostAsJsonAsync($"/api/appointments/{appointment}/parts/nurse/reassign", new { clinicianId = thirdDoctor }))
            .AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        Assert.Equal(HttpStatusCode.Forbidden, (await patient.PostAsJsonAsync($"/api/appointments/{appointment}/parts/doctor/reassign", new { clinicianId = thirdDoctor })).StatusCode);

        using var reassigned = await reception.PostAsJsonAsync($"/api/appointments/{appointment}/parts/doctor/reassign", new { clinicianId = thirdDoctor });
        Assert.Equal(HttpStatusCode.OK, reassigned.StatusCode);
        var now = await reassigned.JsonAsync();
        Assert.Equal(thirdDoctor, now.GetProperty("clinicianId").GetGuid());
        Assert.Equal(thirdDoctor, now.GetProperty("parts")[0].GetProperty("clinicianId").GetGuid());
        Assert.Equal(held.GetProperty("start").GetDateTimeOffset(), now.GetProperty("start").GetDateTimeOffset());

        Assert.Equal(HttpStatusCode.NoContent, (await patient.DeleteAsync($"/api/bookings/{appointment}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await another.DeleteAsync($"/api/bookings/{(await taken.JsonAsync()).GetProperty("appointmentId").GetGuid()}")).StatusCode);
    }

    [Fact]
    public async Task AnAppointmentHoldsItsRoomForItsWholeSpan_AnotherThereThenIsRefused_UnlessStaffSayWhy()
    {
        var day = Pages.Weekday(25).ToString("yyyy-MM-dd");
        using var reception = await ApiClient.SignedInAsync(Base, "reception@demo.clinic");
        var room = (await (await reception.GetAsync("/api/rooms")).JsonAsync()).EnumerateArray()
            .Single(r => r.GetProperty("name").GetString() == "Treatment room").GetProperty("roomId").GetGuid();
        async Task<Guid[]> ScheduleAsync(string email, string start, string end, Guid? roomId)
        {
            using var clinician = await ApiClient.SignedInAsync(Base, email);
            using var response = await clinician.PostAsJsonAsync("/api/doctors/me/days", new { date = day, blocks = new[] { new { start, end, roomId } } });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (await response.JsonAsync()).GetProperty("slots").EnumerateArray().Select(s => s.GetProperty("slotId").GetGuid()).ToArray();
        }
        // The nurse in the treatment room 09:00–09:20, Dr 3 in no room, Dr 2 in the treatment room from 09:20.
        var nurse = await ScheduleAsync("nurse1@demo.clinic", "09:00", "09:20", room);
        var doctor3 = await ScheduleAsync("doctor3@demo.clinic", "09:00", "10:00", null);
        var doctor2 = await ScheduleAsync("doctor2@demo.clinic", "09:20", "10:00", room);
        using var patient = await ApiClient.SignedInAsync(Base, "patient13@demo.clinic");
        var review = (await (await patient.GetAsync("/api/services")).JsonAsync()).EnumerateArray()
            .Single(s => s.GetProperty("name").GetString() == "Diabetes review").GetProperty("serviceId").GetGuid();

        // The review (the nurse 09:00–09:20, Dr 3 09:10–09:30) is in the room until 09:30.
        using var booked = await patient.PostAsJsonAsync("/api/appointments", new { serviceId = review, slotIds = new[] { nurse[0], nurse[1], doctor3[1], doctor3[2] } });
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        Assert.Equal(room, (await booked.JsonAsync()).GetProperty("roomId").GetGuid());

        using var other = await ApiClient.SignedInAsync(Base, "patient16@demo.clinic");
        await (await other.PostAsJsonAsync("/api/appointments", new { serviceId = Consultation, slotIds = new[] { doctor2[0] } }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "room_already_booked");
        var otherId = Assert.Single((await (await reception.GetAsync("/api/patients?query=patient16@demo.clinic")).JsonAsync()).EnumerateArray())
            .GetProperty("patientId").GetGuid();
        using var overridden = await reception.PostAsJsonAsync("/api/appointments",
            new { serviceId = Consultation, slotIds = new[] { doctor2[0] }, patientId = otherId, overrideReason = "A two-minute dressing" });
        Assert.Equal(HttpStatusCode.Created, overridden.StatusCode);
        var clash = Assert.Single((await overridden.JsonAsync()).GetProperty("conflicts").EnumerateArray());
        Assert.Equal(("room-double-booked", room, "A two-minute dressing"),
            (clash.GetProperty("kind").GetString(), clash.GetProperty("roomId").GetGuid(), clash.GetProperty("overrideReason").GetString()));
        Assert.Empty(clash.GetProperty("reassignTo").EnumerateArray());

        using var at0930 = await other.PostAsJsonAsync("/api/appointments", new { serviceId = Consultation, slotIds = new[] { doctor2[1] } });
        Assert.Equal(HttpStatusCode.Created, at0930.StatusCode); // the review has left the room by then
    }

    [Fact]
    public async Task StaffSqueezeASecondPatientIntoACliniciansBookedTimeWithAReason_ItIsOnTheDesk_AndPatientsNeverMay()
    {
        var day = Pages.Weekday(30).ToString("yyyy-MM-dd");
        using var doctor = await ApiClient.SignedInAsync(Base, "doctor1@demo.clinic");
        var (doctorId, slot) = await ScheduleAsync(doctor, day);
        using var first = await ApiClient.SignedInAsync(Base, "patient17@demo.clinic");
        using (var booked = await first.PostAsJsonAsync("/api/appointments", new { serviceId = Consultation, slotIds = new[] { slot } }))
            Assert.Equal(HttpStatusCode.Created, booked.StatusCode);

        using var second = await ApiClient.SignedInAsync(Base, "patient18@demo.clinic");
        await (await second.PostAsJsonAsync("/api/appointments", new { serviceId = Consultation, slotIds = new[] { slot } }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "slot_already_booked");
        await (await second.PostAsJsonAsync("/api/appointments", new { serviceId = Consultation, slotIds = new[] { slot }, overrideReason = "Please" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "not_allowed");

        using var reception = await ApiClient.SignedInAsync(Base, "reception@demo.clinic");
        var secondId = Assert.Single((await (await reception.GetAsync("/api/patients?query=patient18@demo.clinic")).JsonAsync()).EnumerateArray())
            .GetProperty("patientId").GetGuid();
        using var squeezed = await reception.PostAsJsonAsync("/api/appointments",
            new { serviceId = Consultation, slotIds = new[] { slot }, patientId = secondId, overrideReason = "Results to go through, two minutes" });
        Assert.Equal(HttpStatusCode.Created, squeezed.StatusCode);
        var body = await squeezed.JsonAsync();
        var clash = Assert.Single(body.GetProperty("conflicts").EnumerateArray());
        Assert.Equal(("clinician-double-booked", doctorId, "Results to go through, two minutes"),
            (clash.GetProperty("kind").GetString(), clash.GetProperty("clinicianId").GetGuid(), clash.GetProperty("overrideReason").GetString()));
        var desk = (await (await reception.GetAsync("/api/conflicts")).JsonAsync()).EnumerateArray();
        Assert.Contains(desk, c => c.GetProperty("conflictId").GetString() == clash.GetProperty("conflictId").GetString());

        // Cancelling the squeezed-in appointment ends the clash; the doctor's slot is still the first patient's.
        using (var cancelled = await reception.DeleteAsync($"/api/bookings/{body.GetProperty("appointmentId").GetGuid()}"))
            Assert.Equal(HttpStatusCode.NoContent, cancelled.StatusCode);
        Assert.DoesNotContain((await (await reception.GetAsync("/api/conflicts")).JsonAsync()).EnumerateArray(),
            c => c.GetProperty("conflictId").GetString() == clash.GetProperty("conflictId").GetString());
        await (await reception.PostAsJsonAsync("/api/appointments", new { serviceId = Consultation, slotIds = new[] { slot }, patientId = secondId }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "slot_already_booked");
    }
}
