using ClinicPortal.Application;
using ClinicPortal.Infrastructure.Data;

namespace ClinicPortal.Infrastructure.Policies;

/// <summary>The reactions' checkpoints in clinic.db.</summary>
public sealed class Checkpoints(ClinicDatabase database) : ICheckpoints
{
    public const string UpsertSql =
        "INSERT INTO checkpoints (name, position) VALUES ($name, $position) ON CONFLICT (name) DO UPDATE SET position = excluded.position;";

    public async Task<long> GetAsync(string name, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT position FROM checkpoints WHERE name = $name;";
        command.Parameters.AddWithValue("$name", name);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct) ?? 0L);
    }

    public async Task SaveAsync(string name, long position, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = UpsertSql;
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$position", position);
        await command.ExecuteNonQueryAsync(ct);
    }
}
