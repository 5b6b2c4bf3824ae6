namespace ClinicPortal.Features.Shared.TimeGrid;

/// <summary>Something shown on the calendar: a free slot or a whole booking, as UTC instants.</summary>
public sealed record GridBlock(
    DateTimeOffset StartUtc, DateTimeOffset EndUtc, GridBlockKind Kind, string Label,
    Guid? SlotId = null, Guid? AppointmentId = null, string? Badge = null, string? Colour = null);
