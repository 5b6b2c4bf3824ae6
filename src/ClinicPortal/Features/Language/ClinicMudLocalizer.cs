using ClinicPortal.Infrastructure.Languages;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace ClinicPortal.Features.Language;

/// <summary>
/// MudBlazor's own texts (a dialog's close button, the date picker's months, a table's pages) in the person's language,
/// from the Mud resource set; in English, MudBlazor's own.
/// </summary>
public sealed class ClinicMudLocalizer : MudLocalizer
{
    public override LocalizedString this[string key]
    {
        get
        {
            var text = Languages.Current == Languages.English ? null : Resources.Mud.ResourceManager.GetString(key, System.Globalization.CultureInfo.CurrentUICulture);
            return new LocalizedString(key, text ?? key, resourceNotFound: text is null);
        }
    }
}
