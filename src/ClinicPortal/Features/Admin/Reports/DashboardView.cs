namespace ClinicPortal.Features.Admin.Reports;

/// <summary>How much of the dashboard someone sees.</summary>
public enum DashboardView
{
    /// <summary>None of it.</summary>
    None,

    /// <summary>The practice's figures, without any clinician's (reception, when the owner shares it).</summary>
    Practice,

    /// <summary>Everything, per clinician too (the owner).</summary>
    Full,
}
