namespace ClinicPortal.Application.Queries;

/// <summary>The dashboard's figures.</summary>
public interface IReportQueries
{
    Task<ReportFigures> FiguresAsync(DateOnly from, DateOnly to, TimeZoneInfo zone, CancellationToken ct = default);
}
