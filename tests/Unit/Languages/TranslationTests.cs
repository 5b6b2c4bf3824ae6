using System.Collections;
using System.Globalization;
using System.Resources;
using System.Security.Claims;
using System.Text.RegularExpressions;
using ClinicPortal.Features.Language;
using ClinicPortal.Infrastructure.Languages;
using Microsoft.AspNetCore.Http;

namespace ClinicPortal.Tests.Unit.Languages;

/// <summary>
/// Every text in every language: each resource set's English keys are all translated (and nothing is translated that
/// English no longer has), with the same placeholders; German dates and numbers in German's own formats, English's as
/// they always were; the pseudo language wraps and lengthens; and a request's language is chosen in the documented order.
/// </summary>
public class TranslationTests
{
    public static TheoryData<string, string> SetsAndLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (var set in ResourceSets.Keys)
            foreach (var (code, _) in Infrastructure.Languages.Languages.Offered.Where(o => o.Code != Infrastructure.Languages.Languages.English))
                data.Add(set, code);
        return data;
    }

    private static readonly Dictionary<string, ResourceManager> ResourceSets = new()
    {
        ["Ui"] = Resources.Ui.ResourceManager,
        ["Mud"] = Resources.Mud.ResourceManager,
        ["Rejections"] = Resources.Rejections.ResourceManager,
        ["Emails"] = Resources.Emails.ResourceManager,
        ["AccountTexts"] = Infrastructure.Resources.AccountTexts.ResourceManager,
    };

    [Theory]
    [MemberData(nameof(SetsAndLanguages))]
    public void EveryTextIsTranslated_WithTheSamePlaceholders(string set, string language)
    {
        var english = Texts(ResourceSets[set], CultureInfo.InvariantCulture);
        var translated = Texts(ResourceSets[set], CultureInfo.GetCultureInfo(language));

        Assert.NotEmpty(english);
        Assert.Empty(english.Keys.Except(translated.Keys)); // missing in the translation
        Assert.Empty(translated.Keys.Except(english.Keys)); // left in the translation after English dropped it
        foreach (var (key, text) in translated)
        {
            Assert.False(string.IsNullOrWhiteSpace(text), $"{set}.{language}: {key} is empty.");
            Assert.True(Placeholders(english[key]).SequenceEqual(Placeholders(text)), $"{set}.{language}: {key} has other placeholders than English.");
        }
    }

    [Fact]
    public void GermanWritesDatesTimesAndNumbersAsGermansDo_AndEnglishAsItAlwaysHas()
    {
        var wednesday = new DateTime(2026, 12, 9, 9, 30, 0);
        using (Infrastructure.Languages.Languages.Use(Infrastructure.Languages.Languages.German))
        {
            Assert.Equal("Mittwoch, 9. Dezember 2026", wednesday.ToString("dddd, d. MMMM yyyy"));
            Assert.Equal("09:30", wednesday.ToString("HH:mm"));
            Assert.Equal("09.12.2026", wednesday.ToString("d"));
            Assert.Equal("1.234,5", 1234.5.ToString("N1"));
            Assert.Equal("Anmelden", Resources.Ui.SignIn_Title);
        }
        using (Infrastructure.Languages.Languages.Use(Infrastructure.Languages.Languages.English))
        {
            Assert.Equal("Wednesday 9 December 2026", wednesday.ToString("dddd d MMMM yyyy"));
            Assert.Equal("1,234.5", 1234.5.ToString("N1"));
            Assert.Equal("Sign in", Resources.Ui.SignIn_Title);
        }
    }

    [Fact]
    public void ThePseudoLanguageWrapsEveryTextAndLengthensItByAThird()
    {
        using var _ = Infrastructure.Languages.Languages.Use(Infrastructure.Languages.Languages.Pseudo);
        var english = Texts(Resources.Ui.ResourceManager, CultureInfo.InvariantCulture);
        foreach (var (key, text) in Texts(Resources.Ui.ResourceManager, CultureInfo.GetCultureInfo(Infrastructure.Languages.Languages.Pseudo)))
        {
            Assert.Matches(@"^\[.* ·+\]$", text);
            Assert.True(text.Length >= english[key].Length * 4 / 3, key);
        }
        Assert.Equal("[Šîĝñ îñ ···]", Resources.Ui.SignIn_Title);
        Assert.Equal("[Ñéxţ möñţĥ {0} ·····]", Resources.Mud.MudBaseDatePicker_NextMonth); // placeholders stay as they are
    }

    [Theory]
    [InlineData("/book", null, null, null, "en", "en")] // nothing said: the practice's default
    [InlineData("/book", null, null, null, "de", "de")]
    [InlineData("/book", null, null, "de", "en", "de")] // the account's, in another browser
    [InlineData("/book", null, "en", "de", "de", "en")] // this browser's choice first
    [InlineData("/book?language=de", null, "en", null, "en", "de")] // asked for in the address
    [InlineData("/api/appointments", "de-AT,en;q=0.5", "en", null, "en", "de")] // the API: what the caller accepts
    [InlineData("/api/appointments", "fr,en;q=0.5", null, null, "de", "en")]
    [InlineData("/book", "de", null, null, "en", "en")] // pages follow the practice, not the browser's header
    public void ARequestIsAnsweredInTheLanguageItsPersonChose(string path, string? acceptLanguage, string? cookie, string? account, string practice, string expected)
    {
        var context = new DefaultHttpContext();
        var (pathPart, query) = path.Contains('?') ? (path[..path.IndexOf('?')], path[path.IndexOf('?')..]) : (path, "");
        (context.Request.Path, context.Request.QueryString) = (pathPart, new QueryString(query));
        if (acceptLanguage is not null)
            context.Request.Headers.AcceptLanguage = acceptLanguage;
        if (cookie is not null)
            context.Request.Headers.Cookie = $"{LanguageChoice.Cookie}={cookie}";
        if (account is not null)
            context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(LanguageChoice.ClaimType, account)], "test"));

        Assert.Equal(expected, LanguageChoice.Resolve(context, practice));
    }

    private static Dictionary<string, string> Texts(ResourceManager resources, CultureInfo culture) =>
        resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!.Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string)e.Value!);

    private static IEnumerable<string> Placeholders(string text) =>
        Regex.Matches(text, @"\{\d+[^}]*\}").Select(m => m.Value).Order();
}
