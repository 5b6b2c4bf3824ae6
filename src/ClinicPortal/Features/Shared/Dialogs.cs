using MudBlazor;
using Microsoft.AspNetCore.Components;

namespace ClinicPortal.Features.Shared;

public static class Dialogs
{
    public static readonly DialogOptions Small = new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseButton = true };
    public static readonly DialogOptions Medium = new() { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseButton = true };

    /// <summary>Asks before doing something that cannot be taken back; true only when the person chose to go ahead.</summary>
    public static async Task<bool> ConfirmAsync(
        this IDialogService dialogs, string title, string message, string confirmText, string cancelText,
        bool destructive = false, RenderFragment? details = null)
    {
        var parameters = new DialogParameters<ConfirmDialog>
        {
            { d => d.Title, title },
            { d => d.Message, message },
            { d => d.ConfirmText, confirmText },
            { d => d.CancelText, cancelText },
            { d => d.Destructive, destructive },
            { d => d.Details, details },
        };
        var dialog = await dialogs.ShowAsync<ConfirmDialog>(title, parameters, Small);
        var result = await dialog.Result;
        return result is { Canceled: false };
    }

    /// <summary>Asks why before going ahead; the reason given, or null when the person chose not to go ahead.</summary>
    public static async Task<string?> AskReasonAsync(this IDialogService dialogs, string title, string message, string label, string confirmText, string cancelText)
    {
        var parameters = new DialogParameters<ReasonDialog>
        {
            { d => d.Title, title },
            { d => d.Message, message },
            { d => d.Label, label },
            { d => d.ConfirmText, confirmText },
            { d => d.CancelText, cancelText },
        };
        var dialog = await dialogs.ShowAsync<ReasonDialog>(title, parameters, Small);
        var result = await dialog.Result;
        return result is { Canceled: false, Data: string reason } ? reason : null;
    }
}
