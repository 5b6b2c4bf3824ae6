namespace ClinicPortal.Features.Shared.TimeGrid;

/// <summary>The current time's line: in which column, at which row, and how far into that row (0 to 1).</summary>
public sealed record NowLine(int Column, int Row, double Fraction);
