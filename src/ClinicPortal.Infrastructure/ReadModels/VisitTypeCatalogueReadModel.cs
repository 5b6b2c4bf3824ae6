using ClinicPortal.Application;
using ClinicPortal.Domain;
using ClinicPortal.Domain.EventStore;
using ClinicPortal.Domain.VisitTypes;
using ClinicPortal.Infrastructure.Data;
using static ClinicPortal.Infrastructure.ReadModels.ScheduleProjection;
using ClinicPortal.Application.Queries;

namespace ClinicPortal.Infrastructure.ReadModels;

/// <summary>
/// The practice's visit types as last defined (the two built-in ones have a row only once the owner changes them).
/// Version 2: the room feature a visit type needs. Version 3: the parts of a visit of several clinicians, as
/// "kind:offset:minutes" each, space-separated.
/// </summary>
public sealed class VisitTypeProjection : IProjection
{
    public string Name => "visit-types";
    public int Version => 3;
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
            defined_at         BIGINT NOT NULL
        );
        """;

    public string Indexes => "";

    public async Task ApplyAsync(SqlSession db, StoredEvent stored, CancellationToken ct)
    {
        if (stored.Event is not VisitTypeDefined e)
            return;
        await db.ExecuteAsync(
            """
            INSERT INTO rm_visit_types (visit_type_id, name, description, minutes, given_by_kinds, given_by_clinicians, bookable_online, colour, room_feature, parts, defined_at)
            VALUES (@id, @name, @description, @minutes, @kinds, @clinicians, @online, @colour, @feature, @parts, @at)
            ON CONFLICT (visit_type_id) DO UPDATE SET name = excluded.name, description = excluded.description, minutes = excluded.minutes,
                given_by_kinds = excluded.given_by_kinds, given_by_clinicians = excluded.given_by_clinicians,
                bookable_online = excluded.bookable_online, colour = excluded.colour, room_feature = excluded.room_feature, parts = excluded.parts;
            """,
            ct, ("@id", e.VisitTypeId), ("@name", e.Name), ("@description", e.Description), ("@minutes", e.Minutes),
            ("@kinds", string.Join(' ', e.GivenByKinds)), ("@clinicians", Ids(e.GivenByClinicians)),
            ("@online", e.BookableOnline), ("@colour", e.Colour), ("@feature", (object?)e.RoomFeature ?? DBNull.Value),
            ("@parts", e.Parts is { Count: > 0 } parts ? string.Join(' ', parts.Select(p => $"{p.Kind}:{p.OffsetMinutes}:{p.Minutes}")) : DBNull.Value),
            ("@at", Ms(stored.RecordedAt)));
    }

    internal static IReadOnlyList<VisitPart>? ParseParts(string? column) =>
        string.IsNullOrEmpty(column) ? null : column.Split(' ').Select(part => part.Split(':'))
            .Select(p => new VisitPart(Enum.Parse<ClinicianKind>(p[0]), int.Parse(p[1]), int.Parse(p[2]))).ToArray();
}

/// <summary>
/// The visit types pages and answers show: the built-in ones first, then the rest by name. Every availability read
/// needs them, so they are kept until the next change to a visit type.
/// </summary>
public sealed class VisitTypeCatalogueReadModel : IVisitTypeQueries
{
    private readonly ClinicDatabase database;
    private readonly KeptUntilChanged<IReadOnlyList<VisitType>> kept;

    public VisitTypeCatalogueReadModel(ClinicDatabase database, EventLogSignal signal)
    {
        this.database = database;
        kept = new(signal, Tag.VisitTypes, ReadAllAsync);
    }

    public Task<IReadOnlyList<VisitType>> AllAsync(CancellationToken ct = default) => kept.GetAsync(ct);

    public async Task<VisitType?> FindAsync(Guid id, CancellationToken ct = default) =>
        (await AllAsync(ct)).FirstOrDefault(t => t.Id == id);

    private async Task<IReadOnlyList<VisitType>> ReadAllAsync()
    {
        var defined = (await database.RowsAsync<VisitTypeRow>(
                "SELECT visit_type_id, name, description, minutes, given_by_kinds, given_by_clinicians, bookable_online, colour, room_feature, parts FROM rm_visit_types;",
                CancellationToken.None))
            .Select(row => row.View).ToDictionary(type => type.Id);
        var builtIn = VisitType.BuiltIn.Select(t => defined.GetValueOrDefault(t.Id, t));
        var others = defined.Values.Where(t => !VisitType.BuiltIn.Any(b => b.Id == t.Id)).OrderBy(t => t.Name, StringComparer.CurrentCulture);
        return [.. builtIn, .. others];
    }

    private sealed class VisitTypeRow
    {
        public Guid VisitTypeId { get; init; }
        public string Name { get; init; } = "";
        public string Description { get; init; } = "";
        public int Minutes { get; init; }
        public string GivenByKinds { get; init; } = "";
        public string? GivenByClinicians { get; init; }
        public bool BookableOnline { get; init; }
        public string Colour { get; init; } = "";
        public string? RoomFeature { get; init; }
        public string? Parts { get; init; }

        public VisitType View => new(VisitTypeId, Name, Description, Minutes,
            GivenByKinds.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<ClinicianKind>).ToArray(),
            ParseIds(GivenByClinicians) ?? [], BookableOnline, Colour, RoomFeature, VisitTypeProjection.ParseParts(Parts));
    }
}
