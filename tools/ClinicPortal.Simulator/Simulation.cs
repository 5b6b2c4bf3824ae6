using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace ClinicPortal.Simulator;

/// <summary>
/// N workers, each acting as one demo patient, book (single and double), cancel, read, and hold then confirm or walk
/// away, for a while; then the invariants are checked through the API: no slot is held by two live bookings, no slot
/// ends kept by a hold and by anything else, and once the monthly-quota policy has run, no patient holds more than 10
/// slots in a month. Holds walked away from are followed until they run out, and counted.
/// </summary>
public sealed class Simulation(SimulationOptions options, TextWriter output)
{
    public const int MaxSlotsPerMonth = 10;
    private readonly Report _report = new();

    private sealed record Slot(Guid SlotId, DateTimeOffset Start, DateTimeOffset End);
    /// <remarks>The API names the clinician <c>doctorId</c> and <c>doctorName</c>, as it always has.</remarks>
    private sealed record ClinicianSlots(
        [property: System.Text.Json.Serialization.JsonPropertyName("doctorId")] Guid ClinicianId,
        [property: System.Text.Json.Serialization.JsonPropertyName("doctorName")] string ClinicianName, Slot[] Slots);
    /// <remarks>The API names the visit type <c>serviceId</c>, as it always has.</remarks>
    private sealed record VisitType([property: System.Text.Json.Serialization.JsonPropertyName("serviceId")] Guid VisitTypeId, string Name, int DurationMinutes);
    private sealed record StartDto(DateTimeOffset Start, DateTimeOffset End, Guid[] SlotIds);
    private sealed record ClinicianStarts(Guid ClinicianId, string ClinicianName, StartDto[] Starts);
    private VisitType[]? _visitTypes;

    /// <summary>Each hold placed: whose (the worker's token), and whether it was walked away from.</summary>
    private readonly System.Collections.Concurrent.ConcurrentBag<(string Token, Guid HoldId, bool Abandoned, DateTimeOffset ExpiresAt)> _holds = [];

    private sealed record HeldTime(Guid AppointmentId, string Status, Guid[] ClinicianIds, DateTimeOffset Start, DateTimeOffset End, Guid[] SlotIds);

    /// <remarks>The API names the clinician <c>doctorId</c> and <c>doctorName</c>, as it always has.</remarks>
    private sealed record MyBooking(Guid BookingId,
        [property: System.Text.Json.Serialization.JsonPropertyName("doctorId")] Guid ClinicianId,
        [property: System.Text.Json.Serialization.JsonPropertyName("doctorName")] string ClinicianName,
        DateOnly Date, DateTimeOffset Start, DateTimeOffset End, int SlotCount);

    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Workers + 4 })
        {
            BaseAddress = options.Url,
            Timeout = TimeSpan.FromSeconds(30),
        };
        var tokens = new string[options.Patients];
        for (var p = 0; p < options.Patients; p++)
            tokens[p] = await SignInAsync(http, string.Format(CultureInfo.InvariantCulture, options.PatientEmailFormat, p + 1), ct);

        output.WriteLine($"Simulating {options.Workers} workers as {options.Patients} patients for {options.Duration.TotalSeconds:N0} s against {options.Url} …");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var stopAt = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, options.Workers).Select(worker => Task.Run(async () =>
        {
            var random = new Random(options.Seed + worker);
            var token = tokens[worker % options.Patients];
            while (stopAt.Elapsed < options.Duration && !ct.IsCancellationRequested)
                await OneOperationAsync(http, token, random, today, ct);
        }, ct)));
        var elapsed = stopAt.Elapsed;
        output.WriteLine();
        _report.Print(output, elapsed);
        output.WriteLine();
        return await CheckInvariantsAsync(http, tokens, ct) ? 0 : 1;
    }

    private async Task OneOperationAsync(HttpClient http, string token, Random random, DateOnly today, CancellationToken ct)
    {
        var roll = random.Next(options.TotalWeight);
        var day = today.AddDays(random.Next(options.Days)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (roll >= options.TotalWeight - options.HoldWeight)
        {
            await HoldThenDecideAsync(http, token, random, day, ct);
        }
        else if (roll >= options.TotalWeight - options.HoldWeight - options.VisitWeight)
        {
            await BookVisitAsync(http, token, random, day, ct);
        }
        else if (roll < options.ReadWeight)
        {
            await ReadSlotsAsync(http, token, day, ct);
        }
        else if (roll < options.ReadWeight + options.BookWeight + options.DoubleWeight)
        {
            var wantsDouble = roll >= options.ReadWeight + options.BookWeight;
            var clinicians = await ReadSlotsAsync(http, token, day, ct);
            if (clinicians is not { Length: > 0 }) return;
            var slots = clinicians[random.Next(clinicians.Length)].Slots;
            Guid[]? chosen = null;
            if (wantsDouble)
            {
                var pairs = slots.Zip(slots.Skip(1)).Where(p => p.First.End == p.Second.Start).ToArray();
                if (pairs.Length > 0)
                {
                    var pair = pairs[random.Next(pairs.Length)];
                    chosen = [pair.First.SlotId, pair.Second.SlotId];
                }
            }
            else if (slots.Length > 0)
            {
                chosen = [slots[random.Next(slots.Length)].SlotId];
            }
            if (chosen is not null)
                await SendAsync(http, token, wantsDouble ? "book double" : "book", HttpMethod.Post, "/api/bookings", new { slotIds = chosen }, ct);
        }
        else
        {
            var mine = await SendAsync(http, token, "my bookings", HttpMethod.Get, "/api/bookings/mine", null, ct);
            var bookings = mine is null ? [] : mine.Value.Deserialize<MyBooking[]>(JsonSerializerOptions.Web) ?? [];
            if (bookings.Length > 0)
                await SendAsync(http, token, "cancel", HttpMethod.Delete, $"/api/bookings/{bookings[random.Next(bookings.Length)].BookingId}", null, ct);
        }
    }

    /// <summary>A random online visit type at a random free start of the day, as an appointment.</summary>
    private async Task BookVisitAsync(HttpClient http, string token, Random random, string day, CancellationToken ct)
    {
        _visitTypes ??= (await SendAsync(http, token, "visit types", HttpMethod.Get, "/api/visit-types", null, ct))?.Deserialize<VisitType[]>(JsonSerializerOptions.Web);
        if (_visitTypes is not { Length: > 0 } visitTypes) return;
        var visitType = visitTypes[random.Next(visitTypes.Length)];
        var clinicians = (await SendAsync(http, token, "read availability", HttpMethod.Get, $"/api/availability?serviceId={visitType.VisitTypeId}&date={day}", null, ct))
            ?.Deserialize<ClinicianStarts[]>(JsonSerializerOptions.Web);
        var starts = clinicians?.SelectMany(c => c.Starts).ToArray() ?? [];
        if (starts.Length == 0) return;
        var start = starts[random.Next(starts.Length)];
        await SendAsync(http, token, "book visit", HttpMethod.Post, "/api/appointments", new { serviceId = visitType.VisitTypeId, slotIds = start.SlotIds }, ct);
    }

    /// <summary>Holds a random free slot of the day, thinks, then confirms it or walks away (leaving it to run out).</summary>
    private async Task HoldThenDecideAsync(HttpClient http, string token, Random random, string day, CancellationToken ct)
    {
        var clinicians = await ReadSlotsAsync(http, token, day, ct);
        var slots = clinicians?.SelectMany(d => d.Slots).ToArray() ?? [];
        if (slots.Length == 0) return;
        var held = await SendAsync(http, token, "hold", HttpMethod.Post, "/api/holds", new { slotIds = new[] { slots[random.Next(slots.Length)].SlotId } }, ct);
        if (held is not { } hold) return;
        var holdId = hold.GetProperty("holdId").GetGuid();
        var confirming = random.Next(100) < options.ConfirmPercent;
        _holds.Add((token, holdId, !confirming, hold.GetProperty("expiresAt").GetDateTimeOffset()));
        await Task.Delay(TimeSpan.FromMilliseconds(random.NextDouble() * options.HoldThink.TotalMilliseconds), ct);
        if (confirming)
            await SendAsync(http, token, "confirm hold", HttpMethod.Post, $"/api/holds/{holdId}/confirm", null, ct);
    }

    private async Task<ClinicianSlots[]?> ReadSlotsAsync(HttpClient http, string token, string day, CancellationToken ct)
    {
        var body = await SendAsync(http, token, "read slots", HttpMethod.Get, $"/api/slots?date={day}", null, ct);
        return body?.Deserialize<ClinicianSlots[]>(JsonSerializerOptions.Web);
    }

    /// <summary>Sends one request and records its latency and outcome: ok, the API's error code, or error (5xx, no answer).</summary>
    private async Task<JsonElement?> SendAsync(HttpClient http, string token, string operation, HttpMethod method, string path, object? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null) request.Content = JsonContent.Create(body);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            var latency = Stopwatch.GetElapsedTime(started);
            if (response.IsSuccessStatusCode)
            {
                _report.Record(operation, latency, "ok");
                return text.Length == 0 ? null : JsonDocument.Parse(text).RootElement.Clone();
            }
            var code = (int)response.StatusCode >= 500 ? $"error {(int)response.StatusCode}" : ErrorCode(text, response.StatusCode);
            _report.Record(operation, latency, code);
            return null;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            _report.Record(operation, Stopwatch.GetElapsedTime(started), $"error ({exception.GetType().Name})");
            return null;
        }
    }

    private static string ErrorCode(string body, HttpStatusCode status)
    {
        try
        {
            return JsonDocument.Parse(body).RootElement.GetProperty("error").GetString() ?? $"http {(int)status}";
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return $"http {(int)status}";
        }
    }

    private async Task<string> SignInAsync(HttpClient http, string email, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var response = await http.PostAsJsonAsync("/api/identity/login", new { email, password = options.Password }, ct);
            if (response.StatusCode == HttpStatusCode.TooManyRequests && attempt < 10)
            {
                await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(5), ct);
                continue;
            }
            if (!response.IsSuccessStatusCode)
                throw new InvalidOperationException($"Could not sign in as {email}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
            return (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("accessToken").GetString()!;
        }
    }

    /// <summary>Reads every patient's bookings (after letting the quota policy settle) and checks both invariants.</summary>
    private async Task<bool> CheckInvariantsAsync(HttpClient http, string[] tokens, CancellationToken ct)
    {
        List<(int Patient, MyBooking Booking)> all = [];
        string? previous = null;
        for (var round = 0; round < 20; round++)
        {
            all = [];
            for (var p = 0; p < tokens.Length; p++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "/api/bookings/mine");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[p]);
                using var response = await http.SendAsync(request, ct);
                response.EnsureSuccessStatusCode();
                all.AddRange((await response.Content.ReadFromJsonAsync<MyBooking[]>(JsonSerializerOptions.Web, ct))!.Select(b => (p + 1, b)));
            }
            var snapshot = string.Join(",", all.Select(a => a.Booking.BookingId).Order());
            if (snapshot == previous && !OverQuota(all).Any()) break; // the policy has caught up
            previous = snapshot;
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
        }

        var doubleHeld = all.GroupBy(a => a.Booking.ClinicianId)
            .SelectMany(clinician => clinician.OrderBy(a => a.Booking.Start).Zip(clinician.OrderBy(a => a.Booking.Start).Skip(1)))
            .Where(pair => pair.Second.Booking.Start < pair.First.Booking.End)
            .ToArray();
        var overQuota = OverQuota(all).ToArray();
        var (expired, pending, heldTwice) = await CheckHoldsAsync(http, all, ct);

        output.WriteLine($"Invariants over {all.Count} live bookings of {tokens.Length} patients:");
        output.WriteLine(doubleHeld.Length == 0
            ? "  OK  no slot in two active bookings"
            : $"  BROKEN  {doubleHeld.Length} pairs of bookings hold the same slot, e.g. {doubleHeld[0].First.Booking.BookingId} and {doubleHeld[0].Second.Booking.BookingId}");
        output.WriteLine(overQuota.Length == 0
            ? $"  OK  no patient above {MaxSlotsPerMonth} slots in a month"
            : $"  BROKEN  {string.Join("; ", overQuota.Select(o => $"patient{o.Patient} holds {o.Slots} slots in {o.Month}"))}");
        if (!_holds.IsEmpty)
        {
            output.WriteLine($"  holds: {_holds.Count} placed, {_holds.Count(h => h.Abandoned)} walked away from, {expired} run out, {pending} still kept; " +
                             $"{_report.Count("confirm hold", "hold_expired")} confirmations refused as run out");
            output.WriteLine(heldTwice.Count == 0
                ? "  OK  no slot kept by a hold and by another hold or a booking"
                : $"  BROKEN  {heldTwice.Count} slots kept by a hold and by something else, e.g. {heldTwice[0]}");
        }
        if (_report.Errors > 0)
            output.WriteLine($"  NOTE  {_report.Errors} requests failed with a server error or no answer (see the table).");
        return doubleHeld.Length == 0 && overQuota.Length == 0 && heldTwice.Count == 0;
    }

    /// <summary>
    /// Waits (up to 30 s) for the holds walked away from to run out, then reads every hold: how many ran out, how many
    /// are still kept, and which slots a hold still keeps that another hold or a live booking has too.
    /// </summary>
    private async Task<(int Expired, int Pending, List<string> HeldTwice)> CheckHoldsAsync(
        HttpClient http, List<(int Patient, MyBooking Booking)> bookings, CancellationToken ct)
    {
        if (_holds.IsEmpty)
            return (0, 0, []);
        var lastDue = _holds.Where(h => h.Abandoned).Select(h => h.ExpiresAt).DefaultIfEmpty(DateTimeOffset.UtcNow).Max() + TimeSpan.FromSeconds(2);
        var wait = lastDue - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
            await Task.Delay(wait < TimeSpan.FromSeconds(30) ? wait : TimeSpan.FromSeconds(30), ct);
        var times = new List<HeldTime>();
        foreach (var (token, holdId, _, _) in _holds)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/appointments/{holdId}");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request, ct);
            response.EnsureSuccessStatusCode();
            times.Add((await response.Content.ReadFromJsonAsync<HeldTime>(JsonSerializerOptions.Web, ct))!);
        }
        var kept = times.Where(t => t.Status == "pending").ToArray();
        var heldTwice = new List<string>();
        foreach (var group in kept.SelectMany(t => t.SlotIds.Select(slot => (slot, t))).GroupBy(p => p.slot).Where(g => g.Count() > 1))
            heldTwice.Add($"slot {group.Key} kept by {group.Count()} holds");
        foreach (var hold in kept)
            foreach (var (_, booking) in bookings.Where(b => hold.ClinicianIds.Contains(b.Booking.ClinicianId) && b.Booking.Start < hold.End && hold.Start < b.Booking.End))
                heldTwice.Add($"hold {hold.AppointmentId} and booking {booking.BookingId}");
        return (times.Count(t => t.Status == "expired"), kept.Length, heldTwice);
    }

    private static IEnumerable<(int Patient, string Month, int Slots)> OverQuota(List<(int Patient, MyBooking Booking)> all) =>
        all.GroupBy(a => (a.Patient, Month: a.Booking.Date.ToString("yyyy-MM", CultureInfo.InvariantCulture)))
            .Select(g => (g.Key.Patient, g.Key.Month, Slots: g.Sum(a => a.Booking.SlotCount)))
            .Where(g => g.Slots > MaxSlotsPerMonth);
}
