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

/// <summary>
/// The practice as its emails and days show it. <paramref name="ReceptionEmail"/> is where reception is told of a new
/// conflict; without one, the sender address (the practice's own mailbox).
/// </summary>
public sealed record PracticeProfile(string Name, string TimeZone, string EmailFrom, string? ReceptionEmail = null)
{
    public string ReceptionAddress => string.IsNullOrWhiteSpace(ReceptionEmail) ? EmailFrom : ReceptionEmail;
}

/// <summary>
/// The practice's name, time zone and email sender. The owner's saved settings (table practice_settings)
/// win over configuration, which gives the defaults.
/// </summary>
public sealed class PracticeSettings(ClinicDatabase database, IOptions<PracticeOptions> practice, IOptions<Email.EmailOptions> email, TimeProvider time)
{
    private PracticeProfile? _saved;

    public PracticeProfile Current => _saved ?? new(practice.Value.Name, practice.Value.TimeZone, email.Value.From);

    public async Task LoadAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, time_zone, email_from, reception_email FROM practice_settings WHERE id = 1;";
        await using var reader = await command.ExecuteReaderAsync(ct);
        _saved = await reader.ReadAsync(ct)
            ? new(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3))
            : null;
    }

    /// <summary>Saves the profile, or says in a sentence why it cannot be saved (and saves nothing).</summary>
    public async Task<string?> SaveAsync(PracticeProfile profile, CancellationToken ct = default)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(profile.TimeZone, out _))
            return $"{profile.TimeZone} is not a time zone this server knows. Choose one from the list.";
        // Days are stored as dates of the practice's zone: moving the zone under scheduled days would shift them.
        if (profile.TimeZone.Trim() != Current.TimeZone && await FutureDaysAsync(ct) is > 0 and var days)
            return $"The time zone cannot change while {days} future {(days == 1 ? "day is" : "days are")} scheduled: their times were set in {Current.TimeZone}. " +
                   "Change it before scheduling, or once those days have passed or been cancelled.";

        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO practice_settings (id, name, time_zone, email_from, reception_email) VALUES (1, $name, $zone, $from, $reception)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, time_zone = excluded.time_zone, email_from = excluded.email_from,
                reception_email = excluded.reception_email;
            """;
        command.Parameters.AddWithValue("$name", profile.Name.Trim());
        command.Parameters.AddWithValue("$zone", profile.TimeZone.Trim());
        command.Parameters.AddWithValue("$from", profile.EmailFrom.Trim());
        var reception = string.IsNullOrWhiteSpace(profile.ReceptionEmail) ? null : profile.ReceptionEmail.Trim();
        command.Parameters.AddWithValue("$reception", (object?)reception ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(ct);
        _saved = profile with { ReceptionEmail = reception };
        return null;
    }

    /// <summary>How many doctor-days still have slots ahead.</summary>
    private async Task<long> FutureDaysAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM (SELECT DISTINCT doctor_id, date FROM rm_slots WHERE start_utc > $now);";
        command.Parameters.AddWithValue("$now", time.GetUtcNow().ToUnixTimeMilliseconds());
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }
}
