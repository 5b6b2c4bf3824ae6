namespace ClinicPortal.Domain.Rooms;

/// <summary>
/// A room of the practice: its name, its features ("treatment", "step-free") that visit types may need, and whether
/// it is in use (a room out of use takes no new blocks of time; the owner keeps it for the record).
/// </summary>
public sealed record Room(Guid Id, string Name, IReadOnlyList<string> Features, bool InUse)
{
    public const int MaxNameLength = 40;
    public const int MaxFeatureLength = 30;
    public const int MaxFeatures = 10;

    public bool Has(string feature) => InUse && Features.Contains(feature, StringComparer.OrdinalIgnoreCase);

    public static Room From(RoomDefined e) => new(e.RoomId, e.Name, e.Features, e.InUse);

    /// <summary>A feature as it is kept: trimmed, lower case, inner spaces single.</summary>
    public static string Feature(string text) => string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
}
