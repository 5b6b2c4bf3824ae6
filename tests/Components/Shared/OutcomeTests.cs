using ClinicPortal.Features.Shared;

namespace ClinicPortal.Tests.Components.Shared;

/// <summary>An outcome's title and detail read as words apart, however the text is taken (a screen reader, a copy, innerText).</summary>
public class OutcomeTests : ClinicTestContext
{
    [Fact]
    public void TheTitleAndTheDetailNeverRunTogether()
    {
        var outcome = Render<Outcome>(ps => ps.Add(p => p.Title, "Booked").Add(p => p.Detail, "Consultation with Dr Ada Hart, Tue 8 Dec at 09:00."));

        Assert.Equal("Booked Consultation with Dr Ada Hart, Tue 8 Dec at 09:00.", System.Text.RegularExpressions.Regex.Replace(outcome.Find(".outcome").TextContent.Trim(), @"\s+", " "));
        Assert.Equal("Booked", outcome.Find("[data-testid=outcome-title]").TextContent);
    }

    [Fact]
    public void ATitleAloneIsJustTheTitle() =>
        Assert.Equal("Cancelled", Render<Outcome>(ps => ps.Add(p => p.Title, "Cancelled")).Find(".outcome").TextContent.Trim());
}
