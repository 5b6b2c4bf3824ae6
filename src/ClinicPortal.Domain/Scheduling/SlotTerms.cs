namespace ClinicPortal.Domain.Scheduling;

/// <summary>A slot's local start, whether it is kept for staff or for some visit types, and its room, if any.</summary>
public sealed record SlotTerms(TimeOnly Start, bool StaffOnly, IReadOnlyList<Guid>? OnlyFor, Guid? RoomId = null);
