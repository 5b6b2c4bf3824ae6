using System.Globalization;
using ClinicPortal.Infrastructure.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace ClinicPortal.Features.Admin.Reports;

/// <summary>The dashboard's "Download CSV": the same summary the page shows, for the signed-in browser of whoever may see it.</summary>
public static class ReportDownload
{
    public const string Path = "/admin/dashboard/summary.csv";

    public static string Link(DateOnly from, DateOnly to) =>
        $"{Path}?from={from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}&to={to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    public static void MapReportDownload(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Path, async (string? from, string? to, HttpContext http, PracticeReport report, Infrastructure.Practice.PracticeSettings practice, CancellationToken ct) =>
        {
            var view = DashboardAccess.For(http.User, practice.Current);
            if (view == DashboardView.None)
                return Results.Text("The practice owner has not shared the dashboard with reception.", statusCode: StatusCodes.Status403Forbidden);
            if (PracticeReport.ParseDate(from) is not { } first || PracticeReport.ParseDate(to) is not { } last || report.Check(first, last) is not null)
                return Results.Text("Choose the range again on the dashboard: its dates were not understood.", statusCode: StatusCodes.Status400BadRequest);
            var summary = (await report.SummaryAsync(first, last, ct)).Shown(view);
            return Results.File(System.Text.Encoding.UTF8.GetBytes(PracticeReport.Csv(summary)), "text/csv; charset=utf-8", PracticeReport.FileName(summary));
        }).RequireAuthorization(new AuthorizeAttribute { Roles = Roles.Staff });
}
