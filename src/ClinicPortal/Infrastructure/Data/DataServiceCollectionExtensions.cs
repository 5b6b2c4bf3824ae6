
namespace ClinicPortal.Infrastructure.Data;

public static class DataServiceCollectionExtensions
{
    public static IServiceCollection AddClinicData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DataOptions>()
            .Bind(configuration.GetSection(DataOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.Directory), "Data:Directory must name a folder.")
            .ValidateOnStart();
        services.AddSingleton<ClinicDatabase>();
        return services;
    }

    /// <summary>
    /// Prepares the database before the first request. A failure is logged and the app still starts,
    /// so that /health/live answers and /health/ready reports what is wrong.
    /// </summary>
    public static async Task InitializeClinicDataAsync(this WebApplication app)
    {
        var database = app.Services.GetRequiredService<ClinicDatabase>();
        try
        {
            await app.Services.PrepareAsync(app.Configuration);
            app.Logger.LogInformation("Database ready at {DatabasePath}", database.DatabasePath);
        }
        catch (Exception exception)
        {
            app.Logger.LogError(exception, "The database at {DatabasePath} could not be prepared", database.DatabasePath);
        }
    }
}
