using ClinicPortal.Infrastructure.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ClinicPortal.Hosting;

/// <summary>The data folder exists and a file can be written to it (the database needs to create its journal).</summary>
internal sealed class DataDirectoryHealthCheck(ClinicDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var probe = Path.Combine(database.DataDirectory, $".ready-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(database.DataDirectory);
            await File.WriteAllTextAsync(probe, "ok", cancellationToken);
            File.Delete(probe);
            return HealthCheckResult.Healthy("The data folder is writable.");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return HealthCheckResult.Unhealthy($"The data folder {database.DataDirectory} is not writable: {exception.Message}");
        }
    }
}
