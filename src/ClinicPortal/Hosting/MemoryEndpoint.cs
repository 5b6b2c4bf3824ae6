using System.Net;
using System.Text.Json;

namespace ClinicPortal.Hosting;

/// <summary>
/// <c>GET /health/memory</c>, for the benchmarks' memory-per-page figure: the open circuits and the process's memory
/// after a full, compacting collection. Off unless <c>Diagnostics:MemoryEndpoint</c> is true (a full collection is
/// not something to let anyone trigger), and then answered only to requests from this machine.
/// </summary>
public static class MemoryEndpoint
{
    public const string Setting = "Diagnostics:MemoryEndpoint";

    public static void MapMemoryEndpoint(this IEndpointRouteBuilder endpoints, IConfiguration configuration)
    {
        if (!configuration.GetValue<bool>(Setting))
            return;
        endpoints.MapGet("/health/memory", (HttpContext http, OpenCircuits circuits) =>
        {
            if (http.Connection.RemoteIpAddress is not { } from || !IPAddress.IsLoopback(from))
                return Results.NotFound();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            using var process = System.Diagnostics.Process.GetCurrentProcess();
            var info = GC.GetGCMemoryInfo();
            return Results.Json(new MemoryFigures(circuits.Count, GC.GetTotalMemory(false), info.TotalCommittedBytes, process.WorkingSet64),
                JsonSerializerOptions.Web);
        }).AllowAnonymous().ExcludeFromDescription();
    }
}
