using System.Collections.Immutable;
using ClinicPortal.Domain.EventStore;

namespace ClinicPortal.Domain.VisitTypes;

/// <summary>The practice's visit types: the two every practice starts with, as the owner has since defined them.</summary>
public sealed record VisitTypeCatalogue(ImmutableDictionary<Guid, VisitType> Types)
{
    public static VisitTypeCatalogue Initial { get; } = new(VisitType.BuiltIn.ToImmutableDictionary(t => t.Id));

    public static Query Query { get; } = new([new QueryItem([EventTypes.NameOf<VisitTypeDefined>()], [Tag.VisitTypes])]);

    public VisitTypeCatalogue Evolve(IClinicEvent @event) =>
        @event is VisitTypeDefined e ? new(Types.SetItem(e.VisitTypeId, VisitType.From(e))) : this;
}
