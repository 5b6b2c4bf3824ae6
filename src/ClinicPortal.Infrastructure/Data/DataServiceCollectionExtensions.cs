using ClinicPortal.Infrastructure.Postgres;
using ClinicPortal.Infrastructure.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ClinicPortal.Infrastructure.Data;

public static class DataServiceCollectionExtensions
{
    public const string ConnectionStringName = "Clinic";

    /// <summary>
    /// The practice's database: <c>clinic.db</c> in <c>Data:Directory</c> (the default), or, with <c>Data:Provider</c>
    /// = <c>Postgres</c>, the PostgreSQL database <c>ConnectionStrings:Clinic</c> names (the folder then keeps only
    /// the mail pickup).
    /// </summary>
    public static IServiceCollection AddClinicData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DataOptions>()
            .Bind(configuration.GetSection(DataOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.Directory), "Data:Directory must name a folder.")
            .Validate(o => o.Provider is DataOptions.Sqlite or DataOptions.Postgres, "Data:Provider must be Sqlite or Postgres.")
            .Validate(o => o.Provider != DataOptions.Postgres || PostgresConnection(configuration) is not null,
                "Data:Provider is Postgres: ConnectionStrings:Clinic must name the server and database (Host=…;Database=…;Username=…).")
            .ValidateOnStart();
        if (!DataOptions.UsesPostgres(configuration))
        {
            services.AddSingleton<SqliteDatabase>();
            services.AddSingleton<ClinicDatabase>(provider => provider.GetRequiredService<SqliteDatabase>());
            return services;
        }

        var connectionString = PostgresConnection(configuration) ?? "";
        services.AddSingleton(new PostgresConnectionString(connectionString));
        services.AddSingleton(_ => NpgsqlDataSource.Create(Prepared(connectionString)));
        services.AddSingleton(provider => new PostgresDatabase(
            provider.GetRequiredService<NpgsqlDataSource>(), connectionString,
            ClinicDatabase.FolderOf(provider.GetRequiredService<IOptions<DataOptions>>().Value, provider.GetRequiredService<IHostEnvironment>())));
        services.AddSingleton<ClinicDatabase>(provider => provider.GetRequiredService<PostgresDatabase>());
        return services;
    }

    /// <summary>
    /// Npgsql prepares the statements a connection runs again and again (unless the connection string says otherwise):
    /// the read models' few dozen statements run for every append, and parsing and planning each anew costs more than
    /// running it.
    /// </summary>
    internal static string Prepared(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
            builder.MaxAutoPrepare = 100;
        return builder.ConnectionString;
    }

    private static string? PostgresConnection(IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 } value && IsValid(value) ? value : null;

    private static bool IsValid(string value)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(value);
            return !string.IsNullOrWhiteSpace(builder.Host) && !string.IsNullOrWhiteSpace(builder.Database);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
