using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ClinicPortal.Benchmarks;

/// <summary>A page people open, who opens it, and the control that says it can be used: the first one enabled.</summary>
public sealed record PhonePage(string Name, string Path, string? Account, string ReadySelector);

/// <summary>One load: HTTP bytes as transferred (every response), the first HTML's share of them, the circuit's messages received
/// (as their payloads, before the WebSocket's own compression), and times from the start of the navigation.</summary>
public sealed record PageLoad(string Page, string Visit, double Kb, double HtmlKb, double SocketKb, double TtfbMs, double ReadyMs, double LargestPaintMs,
    double ScriptsRunMs, double ConnectedMs);

public sealed record PrerenderCost(string Page, double CpuMs);

public sealed record UncompressedAsset(string Url, long Bytes);

/// <summary>
/// The pages patients and staff open, as a patient on a phone opens them: Chromium throttled to a phone's profile (390×844,
/// 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up, CPU 4× slower; CDP's <c>Network.emulateNetworkConditions</c> and
/// <c>Emulation.setCPUThrottlingRate</c>), first visit (empty cache) and repeat. Beside it the server's side of the same
/// pages: CPU per first HTML (the prerender) beside <c>/health/live</c>, and whether any text asset goes out uncompressed.
/// </summary>
public static partial class PhoneScenarios
{
    public const string Password = "ClinicDemo1!";

    public static readonly PhonePage[] Pages =
    [
        new("Sign-in", "/account/login", null, "button[type=submit]"),
        new("Book", "/book", "patient1@demo.clinic", "button.slot-offer:not([disabled])"),
        new("My appointments", "/my-appointments", "patient1@demo.clinic", "[data-testid=booking] button:not([disabled])"),
        new("Reception", "/reception", "reception@demo.clinic", "button[aria-label='Next day']:not([disabled])"),
    ];

    /// <summary>Chromium as the E2E tests find it; null when there is none.</summary>
    public static string? Chromium() =>
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium" : null;

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright, string chromium) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });

    /// <summary>Each page <paramref name="runs"/> times: a fresh browser context (empty cache) for the first visit, the same context again for the repeat.</summary>
    public static async Task<IReadOnlyList<PageLoad>> LoadsAsync(IBrowser browser, Uri app, int runs)
    {
        var signedIn = new Dictionary<string, string>();
        var loads = new List<PageLoad>();
        foreach (var page in Pages)
        {
            var state = page.Account is null ? null : signedIn.TryGetValue(page.Account, out var s) ? s : signedIn[page.Account] = await SignInAsync(browser, app, page.Account);
            for (var run = 0; run < runs; run++)
            {
                await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
                {
                    BaseURL = app.ToString(), StorageState = state, ViewportSize = new ViewportSize { Width = 390, Height = 844 },
                });
                context.SetDefaultTimeout(60_000);
                loads.Add(await LoadAsync(context, page, "first visit"));
                loads.Add(await LoadAsync(context, page, "repeat"));
            }
        }
        return loads;
    }

    /// <summary>The storage state (the sign-in cookie) of an account signed in through the sign-in form, unthrottled.</summary>
    public static async Task<string> SignInAsync(IBrowser browser, Uri app, string email)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByTestId("signed-in-as").WaitForAsync();
        return await context.StorageStateAsync();
    }

    /// <summary>Throttles a page to the phone profile (network and CPU) through its own CDP session.</summary>
    public static async Task<ICDPSession> ThrottleAsync(IBrowserContext context, IPage page)
    {
        var cdp = await context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Network.enable");
        await cdp.SendAsync("Network.emulateNetworkConditions", new()
        {
            ["offline"] = false, ["latency"] = 150, ["downloadThroughput"] = 1_600_000 / 8, ["uploadThroughput"] = 750_000 / 8,
        });
        await cdp.SendAsync("Emulation.setCPUThrottlingRate", new() { ["rate"] = 4 });
        return cdp;
    }

    private static async Task<PageLoad> LoadAsync(IBrowserContext context, PhonePage target, string visit)
    {
        var page = await context.NewPageAsync();
        var cdp = await ThrottleAsync(context, page);
        long http = 0, html = 0, socket = 0;
        string? document = null;
        double sent = 0, firstByte = double.NaN;
        cdp.Event("Network.requestWillBeSent").OnEvent += (_, e) =>
        {
            if (document is null && e!.Value.GetProperty("type").GetString() == "Document")
                (document, sent) = (e.Value.GetProperty("requestId").GetString(), e.Value.GetProperty("timestamp").GetDouble());
        };
        cdp.Event("Network.dataReceived").OnEvent += (_, e) =>
        {
            if (double.IsNaN(firstByte) && e!.Value.GetProperty("requestId").GetString() == document)
                firstByte = (e.Value.GetProperty("timestamp").GetDouble() - sent) * 1000;
        };
        cdp.Event("Network.loadingFinished").OnEvent += (_, e) =>
        {
            var bytes = (long)e!.Value.GetProperty("encodedDataLength").GetDouble();
            Interlocked.Add(ref http, bytes);
            if (e.Value.GetProperty("requestId").GetString() == document)
                html = bytes;
        };
        // A binary frame's payload comes base64-encoded: its bytes are three quarters of the text.
        cdp.Event("Network.webSocketFrameReceived").OnEvent += (_, e) =>
        {
            var frame = e!.Value.GetProperty("response");
            var text = frame.GetProperty("payloadData").GetString()!.Length;
            Interlocked.Add(ref socket, frame.GetProperty("opcode").GetInt32() == 2 ? text * 3 / 4 : text);
        };
        await page.AddInitScriptAsync(ReadyScript(target.ReadySelector));
        await page.GotoAsync(target.Path, new() { WaitUntil = WaitUntilState.Commit });
        try
        {
            await page.WaitForFunctionAsync("() => window.__ready !== null && window.__paint > 0 && document.readyState === 'complete'", null, new() { PollingInterval = 50 });
        }
        catch (TimeoutException exception)
        {
            throw new TimeoutException($"{target.Name} ({visit}): no {target.ReadySelector} within a minute; the page at {page.Url} says: " +
                await page.EvaluateAsync<string>("() => document.body?.innerText.slice(0, 300) ?? ''"), exception);
        }
        await Task.Delay(500); // what the circuit sends right after its first render counts too
        var figures = await page.EvaluateAsync<JsonElement>(
            "() => ({ ready: window.__ready, paint: window.__paint, scripts: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd, open: window.__open ?? -1 })");
        var load = new PageLoad(target.Name, visit, Interlocked.Read(ref http) / 1024.0, html / 1024.0, Interlocked.Read(ref socket) / 1024.0, firstByte,
            figures.GetProperty("ready").GetDouble(), figures.GetProperty("paint").GetDouble(), figures.GetProperty("scripts").GetDouble(),
            figures.GetProperty("open").GetDouble() is >= 0 and var open ? open : double.NaN);
        await page.CloseAsync();
        return load;
    }

    /// <summary>Records when the ready control first appears (ms since the navigation started) and the last largest-paint entry.</summary>
    private static string ReadyScript(string selector) => $$"""
        (() => {
          window.__ready = null;
          window.__paint = 0;
          window.__open = null; // when the circuit's connection opened
          const Socket = window.WebSocket;
          window.WebSocket = class extends Socket {
            constructor(...args) { super(...args); this.addEventListener("open", () => window.__open ??= performance.now()); }
          };
          const check = () => { if (window.__ready === null && document.querySelector({{JsonSerializer.Serialize(selector)}})) window.__ready = performance.now(); };
          new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
          new PerformanceObserver(list => { for (const e of list.getEntries()) window.__paint = e.startTime; })
            .observe({ type: 'largest-contentful-paint', buffered: true });
        })();
        """;

    /// <summary>
    /// Server CPU per request of each page's first HTML (the prerender), ten requests at a time as <c>wrk -c 10</c> sends
    /// them, beside <c>/health/live</c> and beside the same data as the API's JSON (what the page costs beyond reading
    /// it), in the same run; from the process's own CPU time in /proc.
    /// </summary>
    public static async Task<IReadOnlyList<PrerenderCost>> PrerenderAsync(int processId, Uri app, IReadOnlyDictionary<string, string> cookies,
        IReadOnlyList<(string Name, string Path, string Bearer)> apiReads, int requests)
    {
        var targets = new List<(string Name, string Path, string? Header, string? Value)> { ("/health/live", "/health/live", null, null) };
        targets.AddRange(Pages.Select(p => (p.Name, p.Path, p.Account is null ? null : "Cookie", p.Account is null ? null : cookies[p.Account])));
        targets.AddRange(apiReads.Select(r => (r.Name, r.Path, (string?)"Authorization", (string?)$"Bearer {r.Bearer}")));
        var costs = new List<PrerenderCost>();
        foreach (var (name, path, header, value) in targets)
        {
            using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = app };
            if (header is not null)
                client.DefaultRequestHeaders.TryAddWithoutValidation(header, value);
            await RequestsAsync(client, path, 50); // warm-up
            var before = CpuMs(processId);
            await RequestsAsync(client, path, requests);
            costs.Add(new PrerenderCost(name, (CpuMs(processId) - before) / requests));
        }
        return costs;
    }

    /// <summary>The first visit type patients may book online, as the API lists them.</summary>
    public static async Task<Guid> FirstBookableVisitTypeAsync(Uri app, string token)
    {
        using var client = new HttpClient { BaseAddress = app };
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var types = JsonDocument.Parse(await client.GetStringAsync("/api/visit-types")).RootElement;
        return types.EnumerateArray().First(t => t.GetProperty("bookableOnline").GetBoolean()).GetProperty("serviceId").GetGuid();
    }

    /// <summary>An API bearer token for a demo account.</summary>
    public static async Task<string> TokenAsync(Uri app, string email)
    {
        using var client = new HttpClient { BaseAddress = app };
        using var response = await client.PostAsync("/api/identity/login",
            new StringContent(JsonSerializer.Serialize(new { email, password = Password }), System.Text.Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("accessToken").GetString()!;
    }

    private static async Task RequestsAsync(HttpClient client, string path, int requests)
    {
        var next = 0;
        await Task.WhenAll(Enumerable.Range(0, 10).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) <= requests)
            {
                using var response = await client.GetAsync(path);
                if (response.StatusCode != HttpStatusCode.OK)
                    throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}.");
                await response.Content.CopyToAsync(Stream.Null);
            }
        }));
    }

    /// <summary>The sign-in cookies of a storage state, as a Cookie header.</summary>
    public static string CookieHeader(string storageState) =>
        string.Join("; ", JsonDocument.Parse(storageState).RootElement.GetProperty("cookies").EnumerateArray()
            .Select(c => $"{c.GetProperty("name").GetString()}={c.GetProperty("value").GetString()}"));

    /// <summary>Every stylesheet and script the pages link, fetched as a browser accepting br and gzip: those over 1 KB that come back uncompressed.</summary>
    public static async Task<(int Assets, IReadOnlyList<UncompressedAsset> Uncompressed)> CompressionAsync(Uri app, IReadOnlyDictionary<string, string> cookies)
    {
        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = app };
        var urls = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var page in Pages)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, page.Path);
            if (page.Account is not null)
                request.Headers.Add("Cookie", cookies[page.Account]);
            using var response = await client.SendAsync(request);
            foreach (Match link in AssetLink().Matches(await response.Content.ReadAsStringAsync()))
                urls.Add(link.Groups["url"].Value);
        }
        var uncompressed = new List<UncompressedAsset>();
        foreach (var url in urls)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.TryAddWithoutValidation("Accept-Encoding", "br, gzip");
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsByteArrayAsync();
            if (response.Content.Headers.ContentEncoding.Count == 0 && body.Length > 1024)
                uncompressed.Add(new UncompressedAsset(url, body.Length));
        }
        return (urls.Count, uncompressed);
    }

    [GeneratedRegex(@"(?:href|src)=""(?<url>[^""]+\.(?:css|js))""")]
    private static partial Regex AssetLink();

    /// <summary>The Home page of a signed-in patient: the layout and its circuit alone, beside which a page's own share shows.</summary>
    public static readonly PhonePage Home = new("Home", "/", "patient1@demo.clinic", "[data-testid=circuit-live]");

    /// <summary>Server memory per open page (each a circuit; the Book page unless another is given): after a full collection with none open and with <paramref name="count"/> open, unthrottled.</summary>
    public static async Task<(int Pages, double HeapKb, double RssKb)> MemoryPerPageAsync(IBrowser browser, PublishedApp app, int count, PhonePage? shown = null)
    {
        var book = shown ?? Pages.Single(p => p.Name == "Book");
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.Address.ToString(), StorageState = await SignInAsync(browser, app.Address, book.Account!),
        });
        context.SetDefaultTimeout(60_000);
        using var api = new HttpClient { BaseAddress = app.Address };
        var none = await CircuitScenarios.MemoryAsync(api, 0);
        for (var i = 0; i < count; i++)
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(book.Path);
            await page.Locator(book.ReadySelector).First.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        }
        var open = await CircuitScenarios.MemoryAsync(api, count);
        return (count, (open.ManagedHeapMb - none.ManagedHeapMb) * 1024 / count, (open.WorkingSetMb - none.WorkingSetMb) * 1024 / count);
    }

    /// <summary>User and system CPU time of a process so far (Linux /proc; clock ticks of 10 ms).</summary>
    public static double CpuMs(int processId)
    {
        var fields = File.ReadAllText($"/proc/{processId}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return (long.Parse(fields[11]) + long.Parse(fields[12])) * 10.0;
    }

    /// <summary>A process's CPU over a quiet span, as a share of one core.</summary>
    public static async Task<double> IdleShareAsync(int processId, TimeSpan span)
    {
        var before = CpuMs(processId);
        var watch = Stopwatch.StartNew();
        await Task.Delay(span);
        return (CpuMs(processId) - before) / watch.Elapsed.TotalMilliseconds;
    }
}
