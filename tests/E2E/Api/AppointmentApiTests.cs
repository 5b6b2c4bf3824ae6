using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClinicPortal.Tests.E2E.Infrastructure;

namespace ClinicPortal.Tests.E2E.Api;

[Collection(ClinicAppCollection.Name)]
public class AppointmentApiTests(ClinicAppFixture fixture)
{
    private Uri Base => fixture.App.BaseAddress;
    private static string Day(int weekday) => Pages.Weekday(weekday).ToString("yyyy-MM-dd");

    private static async Task<JsonElement[]> SlotsAsync(HttpClient client, string date)
    {
        using var response = await client.GetAsync($"/api/slots?date={date}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.JsonAsync()).EnumerateArray().ToArray();
    }

    [Fact]
    public async Task SlotsAreGroupedByClinicianOrderedByStartWithTimesCarryingTheirOffset()
    {
        using var patient = await ApiClient.SignedInAsync(Base, "patient4@demo.clinic");

        var doctors = await SlotsAsync(patient, Day(8));

        Assert.Equal(["Dr Ada Hart", "Dr Ben Okafor", "Dr Chloe Lind"], doctors.Select(d => d.GetProperty("doctorName").GetString()));
        foreach (var doctor in doctors)
        {
            var starts = doctor.GetProperty("slots").EnumerateArray().Select(s => s.GetProperty("start").GetDateTimeOffset()).ToArray();
            Assert.Equal(starts.Order(), starts);
            var raw = doctor.GetProperty("slots")[0].GetProperty("start").GetString()!;
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$", raw);
        }
    }

    [Fact]
    public async Task APatientBooksADoubleSlotSeesItCancelsItAndAnotherPatientCannotTouchIt()
    {
        using var patient = await ApiClient.SignedInAsync(Base, "patient5@demo.clinic");
        using var other = await ApiClient.SignedInAsync(Base, "patient6@demo.clinic");
        var doctor = (await SlotsAsync(patient, Day(8)))[1];
        var slots = doctor.GetProperty("slots").EnumerateArray().ToArray();
        var pair = slots.Zip(slots.Skip(1)).First(p => p.First.GetProperty("end").GetDateTimeOffset() == p.Second.GetProperty("start").GetDateTimeOffset());

        using var booked = await patient.PostAsJsonAsync("/api/bookings", new { slotIds = new[] { pair.First.GetProperty("slotId").GetGuid(), pair.Second.GetProperty("slotId").GetGuid() } });
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var booking = await booked.JsonAsync();
        var bookingId = booking.GetProperty("bookingId").GetGuid();
        Assert.Equal(2, booking.GetProperty("slots").GetArrayLength());
        Assert.Equal(doctor.GetProperty("doctorId").GetGuid(), booking.GetProperty("doctorId").GetGuid());

        var mine = await (await patient.GetAsync("/api/bookings/mine")).JsonAsync();
        Assert.Contains(mine.EnumerateArray(), b => b.GetProperty("bookingId").GetGuid() == bookingId && b.GetProperty("slotCount").GetInt32() == 2);

        using var taken = await other.PostAsJsonAsync("/api/bookings", new { slotIds = new[] { pair.Second.GetProperty("slotId").GetGuid() } });
        await taken.AssertProblemAsync(HttpStatusCode.Conflict, "slot_already_booked");
        using var notTheirs = await other.DeleteAsync($"/api/bookings/{bookingId}");
        await notTheirs.AssertProblemAsync(HttpStatusCode.NotFound, "not_found");

        using var cancelled = await patient.DeleteAsync($"/api/bookings/{bookingId}");
        Assert.Equal(HttpStatusCode.NoContent, cancelled.StatusCode);
        using var again = await patient.DeleteAsync($"/api/bookings/{bookingId}");
        await again.AssertProblemAsync(HttpStatusCode.Conflict, "booking_already_cancelled");
    }

    [Fact]
    public async Task TheRulesAnswerWithTheirOwnErrorCodes()
    {
        using var patient = await ApiClient.SignedInAsync(Base, "patient7@demo.clinic");
        var slots = (await SlotsAsync(patient, Day(9)))[0].GetProperty("slots").EnumerateArray().Select(s => s.GetProperty("slotId").GetGuid()).ToArray();

        using var gap = await patient.PostAsJsonAsync("/api/bookings", new { slotIds = new[] { slots[0], slots[^1] } });
        await gap.AssertProblemAsync(HttpStatusCode.Conflict, "slots_not_adjacent");
        Assert.Equal("A visit's slots must follow each other on the same day.", (await gap.JsonAsync()).GetProperty("detail").GetString());
        // Asked in German: the same code, its sentence in German.
        using var inGerman = new HttpRequestMessage(HttpMethod.Post, "/api/bookings") { Content = JsonContent.Create(new { slotIds = new[] { slots[0], slots[^1] } }) };
        inGerman.Headers.AcceptLanguage.ParseAdd("de-DE, en;q=0.5");
        using var german = await patient.SendAsync(inGerman);
        await german.AssertProblemAsync(HttpStatusCode.Conflict, "slots_not_adjacent");
        Assert.Equal("Die Zeitfenster eines Besuchs müssen am selben Tag aufeinander folgen.", (await german.JsonAsync()).GetProperty("detail").GetString());
        using var three = await patient.PostAsJsonAsync("/api/bookings", new { slotIds = slots[..3] });
        await three.AssertProblemAsync(HttpStatusCode.BadRequest, "too_many_slots_in_one_booking");
        using var none = await patient.PostAsJsonAsync("/api/bookings", new { slotIds = Array.Empty<Guid>() });
        await none.AssertProblemAsync(HttpStatusCode.BadRequest, "no_slots_chosen");
        using var unknown = await patient.PostAsJsonAsync("/api/bookings", new { slotIds = new[] { Guid.NewGuid() } });
        await unknown.AssertProblemAsync(HttpStatusCode.NotFound, "slot_not_found");
        using var forSomeoneElse = await patient.PostAsJsonAsync("/api/bookings", new { slotIds = new[] { slots[0] }, patientId = Guid.NewGuid() });
        await forSomeoneElse.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Theory]
    [InlineData("{\"slotIds\":[")]
    [InlineData("{\"slotIds\":\"not-a-list\"}")]
    [InlineData("{\"slotIds\":[42]}")]
    [InlineData("{\"slotIds\":[],\"surprise\":true}")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("")]
    public async Task MalformedBodiesAreBadRequestsNeverServerErrors(string body)
    {
        using var patient = await ApiClient.SignedInAsync(Base, "patient8@demo.clinic");

        using var response = await patient.PostJsonAsync("/api/bookings", body);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task AHugeArrayIsRefusedBeforeItIsRead()
    {
        using var patient = await ApiClient.SignedInAsync(Base, "patient8@demo.clinic");
        var huge = "{\"slotIds\":[" + string.Join(",", Enumerable.Repeat($"\"{Guid.NewGuid()}\"", 5000)) + "]}";

        using var response = await patient.PostJsonAsync("/api/bookings", huge);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }

    [Theory]
    [InlineData("1999-01-01")]
    [InlineData("2999-01-01")]
    [InlineData("tomorrow")]
    [InlineData("")]
    public async Task DatesThatAreNotDatesOrAreFarOffAreBadRequests(string date)
    {
        using var patient = await ApiClient.SignedInAsync(Base, "patient8@demo.clinic");

        using var response = await patient.GetAsync($"/api/slots?date={date}");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task AReceptionistBooksForAPatientAndMustNameThem()
    {
        using var reception = await ApiClient.SignedInAsync(Base, "reception@demo.clinic");
        var patientId = await PatientIdAsync(reception, "patient9@demo.clinic");
        var slot = (await SlotsAsync(reception, Day(9)))[2].GetProperty("slots")[0].GetProperty("slotId").GetGuid();

        using var unnamed = await reception.PostAsJsonAsync("/api/bookings", new { slotIds = new[] { slot } });
        await unnamed.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        using var booked = await reception.PostAsJsonAsync("/api/bookings", new { slotIds = new[] { slot }, patientId });

        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        Assert.Equal(patientId, (await booked.JsonAsync()).GetProperty("patientId").GetGuid());
    }

    [Fact]
    public async Task StaffCanBookOnlyForAPatient()
    {
        using var reception = await ApiClient.SignedInAsync(Base, "reception@demo.clinic");
        var doctor = (await SlotsAsync(reception, Day(9)))[1];
        var doctorId = doctor.GetProperty("doctorId").GetGuid();
        var slot = doctor.GetProperty("slots")[1].GetProperty("slotId").GetGuid();

        using var forTheDoctor = await reception.PostAsJsonAsync("/api/bookings", new { slotIds = new[] { slot }, patientId = doctorId });
        using var forNobody = await reception.PostAsJsonAsync("/api/bookings", new { slotIds = new[] { slot }, patientId = Guid.NewGuid() });

        await forTheDoctor.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "not_a_patient");
        await forNobody.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "not_a_patient");
        var stillFree = (await SlotsAsync(reception, Day(9))).SelectMany(d => d.GetProperty("slots").EnumerateArray()).Select(s => s.GetProperty("slotId").GetGuid());
        Assert.Contains(slot, stillFree);
    }

    /// <summary>A patient's id, as the phone-booking search gives it to staff.</summary>
    private static async Task<Guid> PatientIdAsync(HttpClient staff, string email)
    {
        using var found = await staff.GetAsync($"/api/patients?query={Uri.EscapeDataString(email)}");
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        return (await found.JsonAsync()).EnumerateArray().Single(p => p.GetProperty("email").GetString() == email).GetProperty("patientId").GetGuid();
    }
}
