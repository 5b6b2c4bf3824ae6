namespace ClinicPortal.Features.Shared.TimeGrid;

/// <summary>One column of the calendar: a clinician's day (reception) or one day of a week (a clinician's week).</summary>
public sealed record GridColumn(string Title, DateOnly Date, IReadOnlyList<GridBlock> Blocks, bool Cancelled = false, string? Note = null);
