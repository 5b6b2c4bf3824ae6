namespace ClinicPortal.Features.Shared.TimeGrid;

/// <summary>
/// Where a block sits: its column (0-based), first row (0-based) and how many 10-minute rows it spans; bookings that
/// overlap in one column (staff booked a patient over another's time) share its width, each in its own
/// <paramref name="Lane"/> of <paramref name="Lanes"/>.
/// </summary>
public sealed record PlacedBlock(GridBlock Block, int Column, int Row, int Span, int Lane = 0, int Lanes = 1);
