using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace ClinicPortal.Benchmarks;

public sealed record MemoryPoint(int Pages, int Circuits, double ManagedHeapMb, double CommittedMb, double WorkingSetMb);

public sealed record CircuitFigures(
    IReadOnlyList<MemoryPoint> Memory,
    double HeapKbPerPage, double WorkingSetKbPerPage,
    int FanOutPages, double FanOutMs, double FanOutServerCpuMs,
    int UnaffectedAppends, double CpuMsPerAppendAlone, double CpuMsPerAppendWithPages, double CpuMsPerUnaffectedCircuit);

/// <summary>
/// Open Book pages in headless Chromium (each one a Blazor circuit on the server) and measure what they cost: the
/// server's memory after a full collection at 0, 50, 100 and 200 pages; the time from a booking on the day they show
/// until every page has taken the slot away; and the server CPU a booking on another day costs with all of them open
/// beside the same bookings with none open (a page that does not show that day should not pay for it).
/// </summary>
public static class CircuitScenarios
{
    private const string Password = "ClinicDemo1!";

    public static async Task<CircuitFigures?> RunAsync(PublishedApp app, int[] steps)
    {
        var processId = app.ProcessId;
        var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium"; // as the E2E tests find it
        if (!File.Exists(chromium))
            return null;
        using var api = new HttpClient { BaseAddress = app.Address, Timeout = TimeSpan.FromSeconds(30) };
        var patients = await TokensAsync(api, Enumerable.Range(2, 19).Select(i => $"patient{i}@demo.clinic"));
        var clinicians = await TokensAsync(api, Enumerable.Range(1, 3).Select(i => $"doctor{i}@demo.clinic"));
        var (shown, cancel, label) = await DayWithAnAppointmentAsync(api, patients);

        // Appends no open page shows: clinicians scheduling days two to four months ahead. First with no page open.
        var farDays = Enumerable.Range(60, 150).Select(d => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(d)).ToArray();
        await ScheduleAndMeasureCpuAsync(api, processId, clinicians, farDays[..30]); // warm-up: the first requests compile code
        var alone = await ScheduleAndMeasureCpuAsync(api, processId, clinicians, farDays[30..90]);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--disable-sync", "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
                "--disable-backgrounding-occluded-windows", "--renderer-process-limit=8",
            ],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.Address.ToString() });
        context.SetDefaultTimeout(60_000);
        var signIn = await context.NewPageAsync();
        await signIn.GotoAsync("/account/login");
        await signIn.GetByLabel("Email").FillAsync("patient1@demo.clinic");
        await signIn.GetByLabel("Password").FillAsync(Password);
        await signIn.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await signIn.GetByTestId("signed-in-as").WaitForAsync();
        await signIn.CloseAsync();

        var memory = new List<MemoryPoint> { await MemoryAsync(api, 0) };
        var pages = new List<IPage>();
        foreach (var step in steps)
        {
            while (pages.Count < step)
            {
                var page = await context.NewPageAsync();
                await page.GotoAsync($"/book?date={shown:yyyy-MM-dd}");
                await page.Locator("button.slot-offer:not([disabled])").First.WaitForAsync(); // interactive and loaded
                pages.Add(page);
            }
            memory.Add(await MemoryAsync(api, pages.Count));
        }

        // Fan-out: every page watches for the booked time to be offered; then its patient cancels it.
        await Task.WhenAll(pages.Select(p => p.EvaluateAsync("""
            label => {
              window.__offered = null;
              const offered = () => document.querySelector(`button[aria-label="${label}"]`) !== null;
              new MutationObserver(() => { if (window.__offered === null && offered()) window.__offered = Date.now(); })
                .observe(document.body, { subtree: true, childList: true, attributes: true });
            }
            """, label)));
        await Task.Delay(1000);
        var cpuBefore = CpuMs(processId);
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await SendAsync(api, cancel.Token, HttpMethod.Delete, $"/api/bookings/{cancel.AppointmentId}");
        var offeredAfter = new double[pages.Count];
        var deadline = Stopwatch.StartNew();
        for (var i = 0; i < pages.Count && deadline.Elapsed < TimeSpan.FromSeconds(60);)
        {
            if (await pages[i].EvaluateAsync<double?>("() => window.__offered") is { } at)
                offeredAfter[i++] = at - before;
            else
                await Task.Delay(50);
        }
        var fanOut = deadline.Elapsed < TimeSpan.FromSeconds(60) ? offeredAfter.Max() : double.NaN;
        await Task.Delay(Math.Max(0, 1000 - (int)deadline.ElapsedMilliseconds));
        var fanOutCpuMs = CpuMs(processId) - cpuBefore; // the cancellation, and every page's reload and render

        var withPages = await ScheduleAndMeasureCpuAsync(api, processId, clinicians, farDays[90..]);
        await context.CloseAsync();

        var first = memory[0];
        var last = memory[^1];
        var perAppendAlone = alone.CpuMs / Math.Max(1, alone.Appends);
        var perAppendWith = withPages.CpuMs / Math.Max(1, withPages.Appends);
        return new CircuitFigures(
            memory,
            (last.ManagedHeapMb - first.ManagedHeapMb) * 1024 / last.Pages,
            (last.WorkingSetMb - first.WorkingSetMb) * 1024 / last.Pages,
            pages.Count, fanOut, fanOutCpuMs,
            withPages.Appends, perAppendAlone, perAppendWith, (perAppendWith - perAppendAlone) / pages.Count);
    }

    internal static async Task<MemoryPoint> MemoryAsync(HttpClient api, int pages)
    {
        await Task.Delay(1000); // let the last page's first renders settle
        var m = await api.GetFromJsonAsync<JsonElement>("/health/memory");
        const double Mb = 1024 * 1024;
        return new MemoryPoint(pages, m.GetProperty("circuits").GetInt32(), m.GetProperty("managedHeapBytes").GetInt64() / Mb,
            m.GetProperty("committedBytes").GetInt64() / Mb, m.GetProperty("workingSetBytes").GetInt64() / Mb);
    }

    /// <summary>
    /// The future day with the most free slots among those where one of the patients has a single-slot booking; that
    /// booking (to cancel), and the label its time will have on the Book page once it is free again.
    /// </summary>
    private static async Task<(DateOnly Day, (string Token, Guid AppointmentId) Cancel, string Label)> DayWithAnAppointmentAsync(HttpClient api, string[] patients)
    {
        var candidates = new List<(DateOnly Day, string Token, JsonElement Appointment)>();
        foreach (var token in patients)
            foreach (var booking in (await GetAsync(api, token, "/api/bookings/mine")).EnumerateArray())
                if (booking.GetProperty("slotCount").GetInt32() == 1)
                    candidates.Add((DateOnly.Parse(booking.GetProperty("date").GetString()!), token, booking));
        var best = (Free: -1, Candidate: candidates[0]);
        foreach (var candidate in candidates.DistinctBy(c => c.Day))
        {
            var free = (await GetAsync(api, candidate.Token, $"/api/slots?date={candidate.Day:yyyy-MM-dd}")).EnumerateArray().Sum(d => d.GetProperty("slots").GetArrayLength());
            if (free > best.Free)
                best = (free, candidate);
        }
        var chosen = best.Candidate.Appointment;
        var start = chosen.GetProperty("start").GetDateTimeOffset();
        var label = $"Book {start:HH:mm} to {start.AddMinutes(10):HH:mm} with {chosen.GetProperty("doctorName").GetString()}";
        return (best.Candidate.Day, (best.Candidate.Token, chosen.GetProperty("bookingId").GetGuid()), label);
    }

    private static async Task<JsonElement> GetAsync(HttpClient api, string token, string path)
    {
        using var response = await SendAsync(api, token, HttpMethod.Get, path);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient api, string token, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await api.SendAsync(request);
        return response;
    }

    private static async Task<string[]> TokensAsync(HttpClient api, IEnumerable<string> emails)
    {
        var tokens = new List<string>();
        foreach (var email in emails)
        {
            using var response = await api.PostAsJsonAsync("/api/identity/login", new { email, password = Password });
            response.EnsureSuccessStatusCode();
            tokens.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!);
        }
        return [.. tokens];
    }

    /// <summary>Each clinician in turn schedules one of the days (09:00–12:00), one request after another; the server's CPU time meanwhile.</summary>
    private static async Task<(int Appends, double CpuMs)> ScheduleAndMeasureCpuAsync(HttpClient api, int processId, string[] clinicians, DateOnly[] days)
    {
        await Task.Delay(1000); // let the background reactions to what came before finish
        var before = CpuMs(processId);
        var appends = 0;
        for (var i = 0; i < days.Length; i++)
        {
            using var response = await SendAsync(api, clinicians[i % clinicians.Length], HttpMethod.Post, "/api/doctors/me/days",
                new { date = days[i].ToString("yyyy-MM-dd"), blocks = new[] { new { start = "09:00", end = "12:00" } } });
            if (response.IsSuccessStatusCode)
                appends++;
        }
        await Task.Delay(1000); // and include the reactions to these
        return (appends, CpuMs(processId) - before);
    }

    private static double CpuMs(int processId) => PhoneScenarios.CpuMs(processId);
}
