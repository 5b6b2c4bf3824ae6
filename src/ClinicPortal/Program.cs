using ClinicPortal.Components;
using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Infrastructure.Data;
using ClinicPortal.Infrastructure.EventStore;
using ClinicPortal.Infrastructure.Health;
using ClinicPortal.Infrastructure.ReadModels;
using Radzen;

const string RebuildReadModels = "--rebuild-read-models";
var rebuildAndExit = args.Contains(RebuildReadModels);

var builder = WebApplication.CreateBuilder(args.Where(arg => arg != RebuildReadModels).ToArray());

builder.Logging.Configure(options =>
    options.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddRadzenComponents();
builder.Services.AddClinicData(builder.Configuration);
builder.Services.AddScheduling(builder.Configuration);
builder.Services.AddAccounts();
builder.Services.AddClinicHealthChecks();

var app = builder.Build();

if (rebuildAndExit)
{
    await app.Services.GetRequiredService<ClinicDatabase>().InitializeAsync();
    await app.Services.GetRequiredService<ReadModelRebuilder>().RebuildAllAsync();
    await app.DisposeAsync(); // flushes the console log before the process exits
    return;
}

// A person never sees a stack trace, in any environment: the error is logged with its request id.
app.UseExceptionHandler("/Error", createScopeForErrors: true);
app.UseStatusCodePagesWithReExecute("/not-found");
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapClinicHealthEndpoints();
app.MapAccountEndpoints();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await app.InitializeClinicDataAsync();
await app.RunAsync();

public partial class Program;
