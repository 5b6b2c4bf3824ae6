using System.Globalization;

namespace ClinicPortal.Infrastructure.Languages;

/// <summary>
/// The languages a person can read ClinicPortal in, by their code, and the culture each reads dates and numbers in.
/// English keeps the formats the app has always written (the invariant culture's, with the app's own patterns), so a
/// practice in English sees exactly what it saw before languages existed. The pseudo language is for finding text left
/// out of the resources: never offered in the menu, chosen with <c>?language=qps-ploc</c>.
/// </summary>
public static class Languages
{
    public const string English = "en";
    public const string German = "de";
    public const string Pseudo = "qps-ploc";

    /// <summary>The claim on a person's account that keeps the language they chose.</summary>
    public const string ClaimType = "clinicportal:language";

    /// <summary>The languages offered, each named in itself.</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> Offered = [(English, "English"), (German, "Deutsch")];

    /// <summary>Every language the resources are read in: those offered and the pseudo language.</summary>
    public static readonly IReadOnlyList<string> All = [English, German, Pseudo];

    public static bool IsKnown(string? code) => code is not null && All.Contains(code);

    /// <summary>The code a person's language or a header's tag comes to ("de-AT" is German), or null for none we have.</summary>
    public static string? Match(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
            return null;
        tag = tag.Trim();
        if (All.FirstOrDefault(code => code.Equals(tag, StringComparison.OrdinalIgnoreCase)) is { } exact)
            return exact;
        var primary = tag.Split('-')[0];
        return Offered.Select(o => o.Code).FirstOrDefault(code => code.Equals(primary, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The culture the language's texts are read in (its resources).</summary>
    public static CultureInfo TextCulture(string code) => CultureInfo.GetCultureInfo(code);

    /// <summary>The culture dates and numbers are written in for the language.</summary>
    public static CultureInfo FormatCulture(string code) => code switch
    {
        German => CultureInfo.GetCultureInfo("de-DE"),
        _ => CultureInfo.InvariantCulture,
    };

    /// <summary>Reads and writes in <paramref name="code"/> on this thread and what it awaits, until disposed.</summary>
    public static IDisposable Use(string code)
    {
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = FormatCulture(code);
        CultureInfo.CurrentUICulture = TextCulture(code);
        return new Restore(culture, ui);
    }

    /// <summary>The language being read now.</summary>
    public static string Current => Match(CultureInfo.CurrentUICulture.Name) ?? English;

    private sealed class Restore(CultureInfo culture, CultureInfo ui) : IDisposable
    {
        public void Dispose() => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui);
    }
}
