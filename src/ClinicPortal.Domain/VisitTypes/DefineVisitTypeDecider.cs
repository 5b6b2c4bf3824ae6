using System.Text.RegularExpressions;
using ClinicPortal.Domain.EventStore;

namespace ClinicPortal.Domain.VisitTypes;

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
        if (command.Parts?.Any(p => p is null || !Enum.IsDefined(p.Kind)) == true)
            return Rejection.VisitTypePartsInvalid;
        if (command.GivenByKinds.Any(k => !Enum.IsDefined(k)))
            return Rejection.VisitTypeNeedsClinicians;
        var parts = command.Parts is { Count: > 0 } ? command.Parts.OrderBy(p => p.OffsetMinutes).ThenBy(p => p.EndMinutes).ToArray() : null;
        if (parts is not null && !VisitPart.Fit(parts, minParts: 2))
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
                command.BookableOnline, command.Colour.ToLowerInvariant(), command.By.Name, feature, parts, command.BookableOnline && command.PatientsBookSeries),
        };
    }

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex Colour();
}
