using ClinicPortal;
using ClinicPortal.Components;
using ClinicPortal.Components.Layout;
using ClinicPortal.Features.Api;
using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Infrastructure.Data;
using ClinicPortal.Hosting;
using ClinicPortal.Infrastructure.ReadModels;
using MudBlazor;
using MudBlazor.Services;
using ClinicPortal.Infrastructure.Postgres;
using ClinicPortal.Infrastructure.Practice;
using ClinicPortal.Features.Language;

const string RebuildReadModels = "--rebuild-read-models";
const string MigrateToPostgres = "--migrate-to-postgres";
var rebuildAndExit = args.Contains(RebuildReadModels);
var migrateAndExit = args.Contains(MigrateToPostgres);

var builder = WebApplication.CreateBuilder(args.Where(arg => arg is not (RebuildReadModels or MigrateToPostgres)).ToArray());

builder.Logging.Configure(options =>
    options.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);

// The system's clock, unless Clock:StartsAt starts it at another instant (the end-to-end suite does; see StartedClock).
builder.Services.AddSingleton(StartedClock.From(builder.Configuration));
builder.Services.AddRazorComponents().AddInteractiveServerComponents(options =>
{
    // A page whose connection dropped (a phone locked, a laptop closed) is kept a minute for it to come back, and at
    // most 50 of them: past that it reloads, which costs the person a second, where hundreds of kept circuits would
    // cost everyone memory. Defaults for the rest (10 unacknowledged renders, a minute for a JS call).
    options.DisconnectedCircuitRetentionPeriod = TimeSpan.FromMinutes(1);
    options.DisconnectedCircuitMaxRetained = 50;
});
builder.Services.AddSingleton<OpenCircuits>();
builder.Services.AddSingleton<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler>(services => services.GetRequiredService<OpenCircuits>());
builder.Services.AddMudServices(options =>
{
    // Outcomes appear at the bottom, clear of the buttons people press next (top-right ones covered them).
    options.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomCenter;
    options.SnackbarConfiguration.VisibleStateDuration = 6000;
    options.SnackbarConfiguration.ShowCloseIcon = true;
    options.SnackbarConfiguration.PreventDuplicates = false;
});
builder.Services.AddTransient<MudLocalizer, ClinicMudLocalizer>(); // MudBlazor's own texts in the person's language
builder.Services.AddClinicPortal(builder.Configuration);
builder.Services.AddWebSecurity(builder.Configuration);
builder.Services.AddClinicApi(builder.Configuration);
builder.Services.AddClinicHealthChecks();
builder.Services.AddPageCompression();

var app = builder.Build();

if (rebuildAndExit)
{
    await app.Services.GetRequiredService<ClinicDatabase>().InitializeAsync();
    await app.Services.GetRequiredService<ReadModelRebuilder>().RebuildAllAsync();
    await app.DisposeAsync(); // flushes the console log before the process exits
    return;
}

if (migrateAndExit)
{
    // From clinic.db in Data:Directory into the empty database ConnectionStrings:Clinic names (Data:Provider aside).
    var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Migration");
    try
    {
        var target = app.Configuration.GetConnectionString(DataServiceCollectionExtensions.ConnectionStringName)
            ?? throw new InvalidOperationException("Set ConnectionStrings:Clinic (ConnectionStrings__Clinic) to the PostgreSQL database to copy into.");
        var sqlite = new ClinicPortal.Infrastructure.Sqlite.SqliteDatabase(app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DataOptions>>(), app.Environment);
        var report = await PostgresMigration.RunAsync(sqlite, target, app.Services.GetServices<IProjection>(), app.Services.GetRequiredService<ILoggerFactory>());
        logger.LogInformation(
            "Copied {Events} events, {Accounts} accounts, {Messages} outbox messages and {Keys} keys from {Source} into PostgreSQL, and built the read models there. " +
            "Start the app with Data__Provider=Postgres and the same ConnectionStrings__Clinic.",
            report.Events, report.Accounts, report.OutboxMessages, report.Keys, sqlite.DatabasePath);
    }
    catch (Exception exception) when (exception is InvalidOperationException or Npgsql.NpgsqlException)
    {
        logger.LogError("The migration stopped: {Reason}", exception.Message);
        System.Environment.ExitCode = 1;
    }
    await app.DisposeAsync();
    return;
}

// Nobody ever sees a stack trace, in any environment: the error is logged with its request id. Pages show a
// friendly page (these two stay on the app itself, where re-executing a path can route again); the API answers
// first with problem details of its own.
app.UseResponseCompression();
app.UseWebSecurity();
app.UseExceptionHandler("/Error", createScopeForErrors: true);
// Only a page asked for is answered with a page: re-executing another method (a POST to /health/ready, 405) would
// post to the not-found page, which refuses a form without its token (400).
app.UseWhen(context => HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method),
    pages => pages.UseStatusCodePagesWithReExecute("/not-found"));
app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), api =>
{
    api.UseExceptionHandler(ApiProblems.HandleExceptions);
    api.UseStatusCodePages(ApiProblems.WriteStatusAsync);
    api.Use(ApiJson.LimitBodyAsync);
});
app.UseAuthentication();
app.UseAuthorization();
app.UseCurrentAccountsOnly();
app.UseLanguages();
ApiRateLimits.UseApiRateLimits(app);
app.UseAntiforgery();

// Every asset compressed under the fingerprinted name pages link (see StaticAssetsManifest): the same manifest for both.
var staticAssets = StaticAssetsManifest.CompletedPath(app.Environment);
app.MapStaticAssets(staticAssets);
await app.MapThemeStylesheetAsync();
app.MapClinicHealthEndpoints();
app.MapMemoryEndpoint(app.Configuration);
app.MapAccountEndpoints();
app.MapLanguageEndpoints();
app.MapClinicApi();
ClinicPortal.Features.CalendarFeeds.CalendarFeedEndpoint.MapCalendarFeeds(app);
ClinicPortal.Features.Admin.Reports.ReportDownload.MapReportDownload(app);
ClinicPortal.Features.PatientData.PatientDataDownload.MapPatientDataDownload(app);
// The app sends its own CSP (frame-ancestors 'none'); Blazor's default one would only loosen it to 'self'.
app.MapRazorComponents<App>().WithStaticAssets(staticAssets).AddInteractiveServerRenderMode(options => options.ContentSecurityFrameAncestorsPolicy = null);

if (app.Services.GetRequiredService<TimeProvider>() is StartedClock)
    app.Logger.LogWarning("The clock starts at {StartsAt} ({Setting}), not at the system's time.", app.Configuration[StartedClock.Setting], StartedClock.Setting);
await app.InitializeClinicDataAsync();
await app.RunAsync();

public partial class Program;
