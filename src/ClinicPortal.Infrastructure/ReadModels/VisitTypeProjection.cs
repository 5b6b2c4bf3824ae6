using ClinicPortal.Application;
using ClinicPortal.Domain;
using ClinicPortal.Domain.VisitTypes;
using ClinicPortal.Infrastructure.Data;
using static ClinicPortal.Infrastructure.ReadModels.Columns;

namespace ClinicPortal.Infrastructure.ReadModels;

/// <summary>
/// The practice's visit types as last defined (the two built-in ones have a row only once the owner changes them).
/// Version 2: the room feature a visit type needs. Version 3: the parts of a visit of several clinicians, as
/// "kind:offset:minutes" each, space-separated.
/// Version 4: whether patients may book a series of it (<c>series_online</c>).
/// </summary>
public sealed class VisitTypeProjection : IProjection
{
    public string Name => "visit-types";
    public int Version => 4;
    public IReadOnlyList<string> Tables => ["rm_visit_types"];

    public string Schema(SqlDialect sql) => $"""
        CREATE TABLE rm_visit_types (
            visit_type_id      {sql.Uuid} PRIMARY KEY,
            name               TEXT NOT NULL,
            description        TEXT NOT NULL,
            minutes            BIGINT NOT NULL,
            given_by_kinds     TEXT NOT NULL,
            given_by_clinicians TEXT,
            bookable_online    {sql.Flag} NOT NULL,
            colour             TEXT NOT NULL,
            room_feature       TEXT,
            parts              TEXT,
            defined_at         BIGINT NOT NULL,
            series_online      {sql.Flag} NOT NULL DEFAULT FALSE
        );
        """;

    public string Indexes => "";

    public async Task ApplyAsync(SqlSession db, StoredEvent stored, CancellationToken ct)
    {
        if (stored.Event is not VisitTypeDefined e)
            return;
        await db.ExecuteAsync(
            """
            INSERT INTO rm_visit_types (visit_type_id, name, description, minutes, given_by_kinds, given_by_clinicians, bookable_online, colour, room_feature, parts, defined_at, series_online)
            VALUES (@id, @name, @description, @minutes, @kinds, @clinicians, @online, @colour, @feature, @parts, @at, @series)
            ON CONFLICT (visit_type_id) DO UPDATE SET name = excluded.name, description = excluded.description, minutes = excluded.minutes,
                given_by_kinds = excluded.given_by_kinds, given_by_clinicians = excluded.given_by_clinicians,
                bookable_online = excluded.bookable_online, colour = excluded.colour, room_feature = excluded.room_feature, parts = excluded.parts,
                series_online = excluded.series_online;
            """,
            ct, ("@id", e.VisitTypeId), ("@name", e.Name), ("@description", e.Description), ("@minutes", e.Minutes),
            ("@kinds", string.Join(' ', e.GivenByKinds)), ("@clinicians", Ids(e.GivenByClinicians)),
            ("@online", e.BookableOnline), ("@colour", e.Colour), ("@feature", (object?)e.RoomFeature ?? DBNull.Value),
            ("@parts", e.Parts is { Count: > 0 } parts ? string.Join(' ', parts.Select(p => $"{p.Kind}:{p.OffsetMinutes}:{p.Minutes}")) : DBNull.Value),
            ("@at", Ms(stored.RecordedAt)), ("@series", e.PatientsBookSeries));
    }

    internal static IReadOnlyList<VisitPart>? ParseParts(string? column) =>
        string.IsNullOrEmpty(column) ? null : column.Split(' ').Select(part => part.Split(':'))
            .Select(p => new VisitPart(Enum.Parse<ClinicianKind>(p[0]), int.Parse(p[1]), int.Parse(p[2]))).ToArray();
}
