using ClinicPortal.Domain;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ClinicPortal.Features.Shared;

/// <summary>Tells the person what their command came to, in the practice's words.</summary>
public static class Outcomes
{
    public static void Done(this ISnackbar snackbar, string title, string? detail = null) =>
        Show(snackbar, Severity.Success, title, detail);

    public static void Refused(this ISnackbar snackbar, string title, Rejection rejection) =>
        Show(snackbar, Severity.Warning, title, RejectionText.For(rejection));

    public static void Info(this ISnackbar snackbar, string title, string? detail = null) =>
        Show(snackbar, Severity.Info, title, detail);

    /// <summary>Accepted: <paramref name="title"/> with <paramref name="detail"/>; refused: "Not done" and why.</summary>
    public static void Said<T>(this ISnackbar snackbar, Checked<T> result, string title, string? detail = null, string? refusedTitle = null)
    {
        if (result.IsAccepted)
            snackbar.Done(title, detail);
        else
            snackbar.Refused(refusedTitle ?? Resources.Ui.Common_NotDone, result.Rejection!.Value);
    }

    private static void Show(ISnackbar snackbar, Severity severity, string title, string? detail)
    {
        RenderFragment message = builder =>
        {
            builder.OpenComponent<Outcome>(0);
            builder.AddComponentParameter(1, nameof(Outcome.Title), title);
            builder.AddComponentParameter(2, nameof(Outcome.Detail), detail);
            builder.CloseComponent();
        };
        snackbar.Add(message, severity);
    }
}
