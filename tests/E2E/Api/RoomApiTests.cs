using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClinicPortal.Tests.E2E.Infrastructure;

namespace ClinicPortal.Tests.E2E.Api;

/// <summary>Rooms over the JSON API, on the demo practice (which has a Treatment room the nurse holds in the mornings).</summary>
[Collection(ClinicAppCollection.Name)]
public class RoomApiTests(ClinicAppFixture fixture)
{
    private Uri Base => fixture.App.BaseAddress;

    private static async Task<Guid> RoomIdAsync(HttpClient client, string name)
    {
        using var response = await client.GetAsync("/api/rooms");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.JsonAsync()).EnumerateArray().Single(r => r.GetProperty("name").GetString() == name).GetProperty("roomId").GetGuid();
    }

    [Fact]
    public async Task TheOwnerAddsAndChangesARoom_OthersMayOnlyReadThem_AndBadInputIsA400NextToItsRule()
    {
        using var owner = await ApiClient.SignedInAsync(Base, "admin@demo.clinic");
        using var reception = await ApiClient.SignedInAsync(Base, "reception@demo.clinic");
        using var patient = await ApiClient.SignedInAsync(Base, "patient9@demo.clinic");
        var name = $"Room {Guid.NewGuid():N}"[..13];

        using var added = await owner.PostAsJsonAsync("/api/rooms", new { name, features = new[] { "Step-free", "quiet" } });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var room = await added.JsonAsync();
        Assert.Equal(["step-free", "quiet"], room.GetProperty("features").EnumerateArray().Select(f => f.GetString()));
        Assert.True(room.GetProperty("inUse").GetBoolean());
        var id = room.GetProperty("roomId").GetGuid();

        using var changed = await owner.PutAsJsonAsync($"/api/rooms/{id}", new { name, features = Array.Empty<string>(), inUse = false });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.False((await changed.JsonAsync()).GetProperty("inUse").GetBoolean());

        using var unnamed = await owner.PostAsJsonAsync("/api/rooms", new { name = " " });
        Assert.Equal(HttpStatusCode.BadRequest, unnamed.StatusCode);
        Assert.Equal("room_name_required", (await unnamed.JsonAsync()).GetProperty("error").GetString());
        using var taken = await owner.PostAsJsonAsync("/api/rooms", new { name = "treatment ROOM" });
        Assert.Equal("room_name_taken", (await taken.JsonAsync()).GetProperty("error").GetString());
        using var missing = await owner.PutAsJsonAsync($"/api/rooms/{Guid.NewGuid()}", new { name = "Nowhere" });
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        Assert.Equal(id, await RoomIdAsync(reception, name));
        Assert.Equal(HttpStatusCode.Forbidden, (await patient.GetAsync("/api/rooms")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reception.PostAsJsonAsync("/api/rooms", new { name = "Mine" })).StatusCode);
    }

    [Fact]
    public async Task ACliniciansBlockInTheTreatmentRoomWhileTheNurseHoldsIt_IsRefusedAsRoomInUse_AndAfterwardsIsScheduled()
    {
        using var doctor = await ApiClient.SignedInAsync(Base, "doctor3@demo.clinic");
        var treatment = await RoomIdAsync(doctor, "Treatment room");
        var day = Pages.Weekday(21).ToString("yyyy-MM-dd"); // beyond the demo's 14 days: nobody's time yet
        using var nurse = await ApiClient.SignedInAsync(Base, "nurse1@demo.clinic");
        using var nurseDay = await nurse.PostAsJsonAsync("/api/doctors/me/days", new { date = day, blocks = new[] { new { start = "09:00", end = "12:00", roomId = treatment } } });
        Assert.Equal(HttpStatusCode.Created, nurseDay.StatusCode);

        using var clash = await doctor.PostAsJsonAsync("/api/doctors/me/days", new { date = day, blocks = new[] { new { start = "11:30", end = "12:30", roomId = treatment } } });
        Assert.Equal(HttpStatusCode.Conflict, clash.StatusCode);
        Assert.Equal("room_in_use", (await clash.JsonAsync()).GetProperty("error").GetString());

        using var after = await doctor.PostAsJsonAsync("/api/doctors/me/days", new { date = day, blocks = new[] { new { start = "12:00", end = "13:00", roomId = treatment } } });
        Assert.Equal(HttpStatusCode.Created, after.StatusCode);
        using var unknown = await doctor.PostAsJsonAsync("/api/doctors/me/days", new { date = day, blocks = new[] { new { start = "14:00", end = "15:00", roomId = Guid.NewGuid() } } });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("room_not_found", (await unknown.JsonAsync()).GetProperty("error").GetString());
    }
}
