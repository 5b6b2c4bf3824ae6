using ClinicPortal.Application;
using ClinicPortal.Domain.Rooms;
using ClinicPortal.Infrastructure.Data;
using static ClinicPortal.Infrastructure.ReadModels.Columns;

namespace ClinicPortal.Infrastructure.ReadModels;

/// <summary>The practice's rooms as last defined.</summary>
public sealed class RoomProjection : IProjection
{
    public string Name => "rooms";
    public int Version => 1;
    public IReadOnlyList<string> Tables => ["rm_rooms"];

    public string Schema(SqlDialect sql) => $"""
        CREATE TABLE rm_rooms (
            room_id    {sql.Uuid} PRIMARY KEY,
            name       TEXT NOT NULL,
            features   TEXT NOT NULL,
            in_use     {sql.Flag} NOT NULL,
            defined_at BIGINT NOT NULL
        );
        """;

    public string Indexes => "";

    public async Task ApplyAsync(SqlSession db, StoredEvent stored, CancellationToken ct)
    {
        if (stored.Event is not RoomDefined e)
            return;
        // Features are kept one per line: a feature may hold spaces ("step free"), never a line break.
        await db.ExecuteAsync(
            """
            INSERT INTO rm_rooms (room_id, name, features, in_use, defined_at) VALUES (@id, @name, @features, @inUse, @at)
            ON CONFLICT (room_id) DO UPDATE SET name = excluded.name, features = excluded.features, in_use = excluded.in_use;
            """,
            ct, ("@id", e.RoomId), ("@name", e.Name), ("@features", string.Join('\n', e.Features)), ("@inUse", e.InUse),
            ("@at", Ms(stored.RecordedAt)));
    }
}
