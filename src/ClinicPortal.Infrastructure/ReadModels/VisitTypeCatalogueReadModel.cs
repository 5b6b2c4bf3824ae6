using ClinicPortal.Application;
using ClinicPortal.Domain;
using ClinicPortal.Domain.EventStore;
using ClinicPortal.Domain.VisitTypes;
using ClinicPortal.Infrastructure.Data;
using static ClinicPortal.Infrastructure.ReadModels.Columns;
using ClinicPortal.Application.Queries;

namespace ClinicPortal.Infrastructure.ReadModels;

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
                "SELECT visit_type_id, name, description, minutes, given_by_kinds, given_by_clinicians, bookable_online, colour, room_feature, parts, series_online FROM rm_visit_types;",
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
        public bool SeriesOnline { get; init; }

        public VisitType View => new(VisitTypeId, Name, Description, Minutes,
            GivenByKinds.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<ClinicianKind>).ToArray(),
            ParseIds(GivenByClinicians) ?? [], BookableOnline, Colour, RoomFeature, VisitTypeProjection.ParseParts(Parts), SeriesOnline);
    }
}
