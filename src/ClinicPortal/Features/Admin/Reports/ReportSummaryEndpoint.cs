using ClinicPortal.Features.Api;
using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Infrastructure.Practice;
using static ClinicPortal.Features.Api.ApiValues;

namespace ClinicPortal.Features.Admin.Reports;

/// <summary>The owner's figures for integrations: the dashboard's summary of a range of days, as JSON or CSV. Receptionists get it without the clinicians' figures (<c>byClinician</c> empty) when the owner shares the dashboard with them.</summary>
public static class ReportSummaryEndpoint
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/reports/summary", GetReportSummaryAsync).RequireAuthorization(Bearer(Roles.Admin, Roles.Receptionist));


    private static async Task<IResult> GetReportSummaryAsync(string? from, string? to, HttpContext http, PracticeReport report, PracticeClock clock, PracticeSettings practice, CancellationToken ct)
    {
        var view = DashboardAccess.For(http.User, practice.Current);
        if (view == DashboardView.None)
            return ApiProblems.Forbidden("The practice owner has not shared the dashboard with reception.");
        if (PracticeReport.ParseDate(from) is not { } first || PracticeReport.ParseDate(to) is not { } last)
            return ApiProblems.Validation($"'from' and 'to' are dates (yyyy-MM-dd). {DateRule(clock)}");
        if (report.Check(first, last) is { } problem)
            return ApiProblems.Validation(problem);
        var summary = (await report.SummaryAsync(first, last, ct)).Shown(view);
        return http.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase))
            ? TypedResults.Text(PracticeReport.Csv(summary), "text/csv; charset=utf-8")
            : TypedResults.Ok(summary);
    }
}
