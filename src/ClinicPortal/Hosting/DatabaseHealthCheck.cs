using ClinicPortal.Infrastructure.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ClinicPortal.Hosting;

/// <summary>The database (the SQLite file, or the PostgreSQL server) opens and answers a query.</summary>
internal sealed class DatabaseHealthCheck(ClinicDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await database.ScalarAsync("SELECT count(*) FROM schema_version;", cancellationToken);
            return HealthCheckResult.Healthy("The database answers.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"The database {database.DatabasePath} does not answer: {exception.Message}");
        }
    }
}
