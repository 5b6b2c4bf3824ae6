using System.Net;
using System.Net.Http.Json;
using ClinicPortal.Tests.E2E.Infrastructure;

namespace ClinicPortal.Tests.E2E.Api;

/// <summary>Holds over the JSON API, as the reference booking service offers them, on a day of the demo practice nobody else schedules.</summary>
[Collection(ClinicAppCollection.Name)]
public class HoldApiTests(ClinicAppFixture fixture)
{
    private const string Consultation = "0000c0de-0000-4000-8000-000000000010";

    [Fact]
    public async Task APatientHoldsATime_NoOneElseCanHoldOrBookIt_ConfirmingBooksIt_AndLettingGoFreesIt()
    {
        var date = Pages.Weekday(32).ToString("yyyy-MM-dd");
        var baseAddress = fixture.App.BaseAddress;
        using var doctor = await ApiClient.SignedInAsync(baseAddress, "doctor2@demo.clinic");
        using var scheduled = await doctor.PostAsJsonAsync("/api/doctors/me/days", new { date, blocks = new[] { new { start = "09:00", end = "09:30" } } });
        Assert.Equal(HttpStatusCode.Created, scheduled.StatusCode);
        var day = await scheduled.JsonAsync();
        var slots = day.GetProperty("slots").EnumerateArray().Select(s => s.GetProperty("slotId").GetGuid()).ToArray();

        using var first = await ApiClient.SignedInAsync(baseAddress, "patient15@demo.clinic");
        using var held = await first.PostAsJsonAsync("/api/holds", new { slotIds = new[] { slots[0] } });
        Assert.Equal(HttpStatusCode.Created, held.StatusCode);
        var hold = await held.JsonAsync();
        var holdId = hold.GetProperty("holdId").GetGuid();
        var expiresAt = hold.GetProperty("expiresAt").GetDateTimeOffset();
        Assert.InRange(expiresAt - SuiteClock.Now, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(5.5));
        Assert.Equal(slots[0], hold.GetProperty("slots")[0].GetProperty("slotId").GetGuid());

        using var second = await ApiClient.SignedInAsync(baseAddress, "patient16@demo.clinic");
        await (await second.PostAsJsonAsync("/api/holds", new { slotIds = new[] { slots[0] } })).AssertProblemAsync(HttpStatusCode.Conflict, "slot_held");
        await (await second.PostAsJsonAsync("/api/appointments", new { serviceId = Consultation, slotIds = new[] { slots[0] } }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "slot_held");
        await (await second.PostAsync($"/api/holds/{holdId}/confirm", null)).AssertProblemAsync(HttpStatusCode.NotFound, "hold_not_found");

        using (var pending = await first.GetAsync($"/api/appointments/{holdId}"))
        {
            var body = await pending.JsonAsync();
            Assert.Equal(("pending", slots[0]), (body.GetProperty("status").GetString(), body.GetProperty("slotIds")[0].GetGuid()));
            Assert.Equal(["HoldPlaced"], body.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("event").GetString()));
        }
        await (await second.GetAsync($"/api/appointments/{holdId}")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");

        using var confirmed = await first.PostAsync($"/api/holds/{holdId}/confirm", null);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(slots[0], (await confirmed.JsonAsync()).GetProperty("slotIds")[0].GetGuid());
        await (await first.PostAsync($"/api/holds/{holdId}/confirm", null)).AssertProblemAsync(HttpStatusCode.Conflict, "hold_not_pending");

        // The appointment whole, by the hold's id or the booking's, and listed for staff by patient and by slot.
        var bookingId = (await confirmed.JsonAsync()).GetProperty("appointmentId").GetGuid();
        using (var byHold = await first.GetAsync($"/api/appointments/{holdId}"))
        {
            var body = await byHold.JsonAsync();
            Assert.Equal(("confirmed", bookingId), (body.GetProperty("status").GetString(), body.GetProperty("appointmentId").GetGuid()));
            Assert.Equal(["HoldPlaced", "SlotsBooked"], body.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("event").GetString()));
        }
        using var reception = await ApiClient.SignedInAsync(baseAddress, "reception@demo.clinic");
        var patientId = (await (await first.GetAsync($"/api/appointments/{bookingId}")).JsonAsync()).GetProperty("patientId").GetGuid();
        var listed = (await (await reception.GetAsync($"/api/appointments?patientId={patientId}&limit=100")).JsonAsync()).EnumerateArray();
        Assert.Contains(listed, a => a.GetProperty("appointmentId").GetGuid() == bookingId);
        // Listed as read alone (the list reads every appointment's hold, slots and history at once): its life from the hold on.
        var entry = listed.Single(a => a.GetProperty("appointmentId").GetGuid() == bookingId);
        Assert.Equal(["HoldPlaced", "SlotsBooked"], entry.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("event").GetString()));
        Assert.Equal(slots[..1], entry.GetProperty("slotIds").EnumerateArray().Select(s => s.GetGuid()));
        var ofSlot = (await (await reception.GetAsync($"/api/appointments?slotId={slots[0]}")).JsonAsync()).EnumerateArray().ToArray();
        Assert.Equal(bookingId, Assert.Single(ofSlot).GetProperty("appointmentId").GetGuid());
        await (await reception.GetAsync($"/api/appointments?patientId={patientId}&limit=101")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await first.GetAsync($"/api/appointments?patientId={patientId}")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");

        // A service and a start: the first clinician free then; letting it go frees the time for the next patient at once.
        using var byStart = await second.PostAsJsonAsync("/api/holds", new { serviceId = Consultation, start = day.GetProperty("slots")[1].GetProperty("start").GetString() });
        Assert.Equal(HttpStatusCode.Created, byStart.StatusCode);
        var secondHold = (await byStart.JsonAsync()).GetProperty("holdId").GetGuid();
        Assert.Equal(slots[1], (await byStart.JsonAsync()).GetProperty("slots")[0].GetProperty("slotId").GetGuid());
        using (var released = await second.DeleteAsync($"/api/holds/{secondHold}"))
            Assert.Equal(HttpStatusCode.NoContent, released.StatusCode);
        using var third = await ApiClient.SignedInAsync(baseAddress, "patient17@demo.clinic");
        using var booked = await third.PostAsJsonAsync("/api/appointments", new { serviceId = Consultation, slotIds = new[] { slots[1] } });
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);

        await (await second.PostAsJsonAsync("/api/holds", new { serviceId = Consultation })).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }
}
