using ClinicPortal.Infrastructure.Data;
using Microsoft.Extensions.Options;

namespace ClinicPortal.Infrastructure.Practice;

public sealed class PracticeOptions
{
    public const string Section = "Practice";

    public string Name { get; set; } = "ClinicPortal Practice";

    /// <summary>IANA time zone id: the practice's days and months are local to it.</summary>
    public string TimeZone { get; set; } = "Europe/London";
}

public sealed record PracticeProfile(string Name, string TimeZone, string EmailFrom);

/// <summary>
/// The practice's name, time zone and email sender. The owner's saved settings (table practice_settings)
/// win over configuration, which gives the defaults.
/// </summary>
public sealed class PracticeSettings(ClinicDatabase database, IOptions<PracticeOptions> practice, IOptions<Email.EmailOptions> email)
{
    private PracticeProfile? _saved;

    public PracticeProfile Current => _saved ?? new(practice.Value.Name, practice.Value.TimeZone, email.Value.From);

    public async Task LoadAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, time_zone, email_from FROM practice_settings WHERE id = 1;";
        await using var reader = await command.ExecuteReaderAsync(ct);
        _saved = await reader.ReadAsync(ct) ? new(reader.GetString(0), reader.GetString(1), reader.GetString(2)) : null;
    }

    public async Task SaveAsync(PracticeProfile profile, CancellationToken ct = default)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(profile.TimeZone, out _))
            throw new ArgumentException($"'{profile.TimeZone}' is not a time zone this machine knows.", nameof(profile));
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO practice_settings (id, name, time_zone, email_from) VALUES (1, $name, $zone, $from)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, time_zone = excluded.time_zone, email_from = excluded.email_from;
            """;
        command.Parameters.AddWithValue("$name", profile.Name.Trim());
        command.Parameters.AddWithValue("$zone", profile.TimeZone.Trim());
        command.Parameters.AddWithValue("$from", profile.EmailFrom.Trim());
        await command.ExecuteNonQueryAsync(ct);
        _saved = profile;
    }
}
