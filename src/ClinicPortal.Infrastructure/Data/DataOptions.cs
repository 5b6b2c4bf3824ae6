namespace ClinicPortal.Infrastructure.Data;

public sealed class DataOptions
{
    public const string Section = "Data";

    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    /// <summary>Folder for the SQLite file and other data; relative paths are under the content root.</summary>
    public string Directory { get; set; } = "App_Data";

    /// <summary><see cref="Sqlite"/> (one file in <see cref="Directory"/>) or <see cref="Postgres"/> (<c>ConnectionStrings:Clinic</c>).</summary>
    public string Provider { get; set; } = Sqlite;

    public static bool UsesPostgres(IConfiguration configuration) =>
        string.Equals(configuration[$"{Section}:{nameof(Provider)}"], Postgres, StringComparison.OrdinalIgnoreCase);
}
