
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
}
