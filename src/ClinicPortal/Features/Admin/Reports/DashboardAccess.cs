using System.Security.Claims;
using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Infrastructure.Practice;

namespace ClinicPortal.Features.Admin.Reports;

/// <summary>
/// Who sees the dashboard: the owner all of it; receptionists, when the owner shares it in the settings, the practice's
/// figures without any clinician's. One rule for the page, its menu link, its CSV download and the API.
/// </summary>
public static class DashboardAccess
{
    public static DashboardView For(ClaimsPrincipal user, PracticeProfile practice) =>
        user.IsInRole(Roles.Admin) ? DashboardView.Full
        : user.IsInRole(Roles.Receptionist) && practice.DashboardSharedWithReception ? DashboardView.Practice
        : DashboardView.None;

    /// <summary>The summary as <paramref name="view"/> may see it: without the clinicians' figures unless full.</summary>
    public static ReportSummary Shown(this ReportSummary summary, DashboardView view) =>
        view == DashboardView.Full ? summary : summary with { ByClinician = [] };
}
