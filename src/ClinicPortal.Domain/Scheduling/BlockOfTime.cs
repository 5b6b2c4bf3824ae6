namespace ClinicPortal.Domain.Scheduling;

/// <summary>
/// A block of time a clinician offers, in the practice's local time: to everyone, or kept for staff to book
/// (<paramref name="StaffOnly"/>), for every visit type or only those listed (<paramref name="OnlyFor"/>), and in a
/// room (<paramref name="RoomId"/>) or none named.
/// </summary>
public sealed record BlockOfTime(TimeOnly Start, TimeOnly End, bool StaffOnly = false, IReadOnlyList<Guid>? OnlyFor = null, Guid? RoomId = null)
{
    /// <summary>Blocks with the same terms are logged as one event; "only for" as a set, in a fixed order.</summary>
    internal (bool StaffOnly, string OnlyFor, Guid? RoomId) Terms =>
        (StaffOnly, OnlyFor is { Count: > 0 } ids ? string.Join(' ', ids.Distinct().Order()) : "", RoomId);
}
