using System.Collections.Immutable;
using System.Text.RegularExpressions;
using ClinicPortal.Domain.EventStore;

namespace ClinicPortal.Domain.VisitTypes;

/// <summary>Add a visit type (<paramref name="IsNew"/>) or change one. Only the owner does.</summary>
public sealed record DefineVisitType(
    Guid VisitTypeId, bool IsNew, string Name, string Description, int Minutes,
    IReadOnlyList<ClinicianKind> GivenByKinds, IReadOnlyList<Guid> GivenByClinicians, bool BookableOnline, string Colour,
    Actor By, DateTimeOffset Now, string? RoomFeature = null, IReadOnlyList<VisitPart>? Parts = null) : ICommand;

/// <summary>The practice's visit types: the two every practice starts with, as the owner has since defined them.</summary>
public sealed record VisitTypeCatalogue(ImmutableDictionary<Guid, VisitType> Types)
{
    public static VisitTypeCatalogue Initial { get; } = new(VisitType.BuiltIn.ToImmutableDictionary(t => t.Id));

    public static Query Query { get; } = new([new QueryItem([EventTypes.NameOf<VisitTypeDefined>()], [Tag.VisitTypes])]);

    public VisitTypeCatalogue Evolve(IClinicEvent @event) =>
        @event is VisitTypeDefined e ? new(Types.SetItem(e.VisitTypeId, VisitType.From(e))) : this;
}

public sealed partial class DefineVisitTypeDecider : IDecider<DefineVisitType, VisitTypeCatalogue, VisitTypeDefined>
{
    public static Query QueryFor(DefineVisitType command) => VisitTypeCatalogue.Query;
    public static VisitTypeCatalogue Initial(DefineVisitType command) => VisitTypeCatalogue.Initial;
    public static VisitTypeCatalogue Evolve(VisitTypeCatalogue state, IClinicEvent @event) => state.Evolve(@event);

    public static Checked<IReadOnlyList<VisitTypeDefined>> Decide(DefineVisitType command, VisitTypeCatalogue catalogue)
    {
        if (command.By.Role != Role.Admin)
            return Rejection.NotAllowed;
        var exists = catalogue.Types.ContainsKey(command.VisitTypeId);
        if (command.IsNew && exists)
            return Rejection.Conflict;
        if (!command.IsNew && !exists)
            return Rejection.VisitTypeNotFound;

        var name = command.Name.Trim();
        if (name.Length == 0 || name.Length > VisitType.MaxNameLength)
            return Rejection.VisitTypeNameRequired;
        if (catalogue.Types.Values.Any(t => t.Id != command.VisitTypeId && string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase)))
            return Rejection.VisitTypeNameTaken;
        if (command.Description.Trim().Length > VisitType.MaxDescriptionLength)
            return Rejection.VisitTypeDescriptionTooLong;
        var parts = command.Parts is { Count: > 0 } ? command.Parts.OrderBy(p => p.OffsetMinutes).ThenBy(p => p.EndMinutes).ToArray() : null;
        if (parts is not null && !PartsFit(parts))
            return Rejection.VisitTypePartsInvalid;
        // A visit of several clinicians lasts from its first part's start to its last part's end, and is given by its parts' kinds.
        var minutes = parts?.Max(p => p.EndMinutes) ?? command.Minutes;
        var kinds = parts?.Select(p => p.Kind).ToArray() ?? command.GivenByKinds.Distinct().Order().ToArray();
        var clinicians = parts is null ? command.GivenByClinicians.Distinct().ToArray() : [];
        if (minutes is < VisitType.MinMinutes or > VisitType.MaxMinutes || minutes % VisitType.MinMinutes != 0)
            return Rejection.VisitTypeLengthInvalid;
        if (kinds.Length == 0 && clinicians.Length == 0)
            return Rejection.VisitTypeNeedsClinicians;
        if (!Colour().IsMatch(command.Colour))
            return Rejection.VisitTypeColourInvalid;
        var feature = string.IsNullOrWhiteSpace(command.RoomFeature) ? null : Rooms.Room.Feature(command.RoomFeature);
        if (feature?.Length > Rooms.Room.MaxFeatureLength)
            return Rejection.RoomFeaturesInvalid;

        return new[]
        {
            new VisitTypeDefined(command.VisitTypeId, name, command.Description.Trim(), minutes, kinds, clinicians,
                command.BookableOnline, command.Colour.ToLowerInvariant(), command.By.Name, feature, parts),
        };
    }

    /// <summary>
    /// Parts of a visit of several clinicians: two or more, up to <see cref="VisitType.MaxParts"/>, each of another kind (an
    /// appointment has at most one clinician per kind), each at least a slot long and on the 10-minute grid, the first
    /// starting with the visit, and no gap between one part's end and the next's start (the patient is never left waiting
    /// alone in the middle of a visit).
    /// </summary>
    private static bool PartsFit(IReadOnlyList<VisitPart> parts)
    {
        if (parts.Count is < 2 or > VisitType.MaxParts || parts.Select(p => p.Kind).Distinct().Count() != parts.Count)
            return false;
        if (parts.Any(p => p.OffsetMinutes < 0 || p.Minutes < VisitType.MinMinutes || p.OffsetMinutes % VisitType.MinMinutes != 0 || p.Minutes % VisitType.MinMinutes != 0))
            return false;
        if (parts[0].OffsetMinutes != 0)
            return false;
        var reached = 0;
        foreach (var part in parts)
        {
            if (part.OffsetMinutes > reached)
                return false;
            reached = Math.Max(reached, part.EndMinutes);
        }
        return true;
    }

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex Colour();
}
