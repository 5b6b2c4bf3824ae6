using ClinicPortal.Application;
using ClinicPortal.Infrastructure.Data;

namespace ClinicPortal.Infrastructure.EventStore;

/// <summary>The reactions' checkpoints, in the practice's database.</summary>
public sealed class Checkpoints(ClinicDatabase database) : ICheckpoints
{
    public const string UpsertSql =
        "INSERT INTO checkpoints (name, position) VALUES (@name, @position) ON CONFLICT (name) DO UPDATE SET position = excluded.position;";

    public async Task<long> GetAsync(string name, CancellationToken ct = default) =>
        (await database.RowsAsync<long>("SELECT position FROM checkpoints WHERE name = @name;", ct, ("@name", name))).SingleOrDefault();

    public async Task SaveAsync(string name, long position, CancellationToken ct = default)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var command = database.Command(connection, UpsertSql, ("@name", name), ("@position", position));
        await command.ExecuteNonQueryAsync(ct);
    }
}
