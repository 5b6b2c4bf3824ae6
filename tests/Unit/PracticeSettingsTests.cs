using ClinicPortal.Domain;
using System.Security.Claims;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Features.Admin.Reports;
using ClinicPortal.Features.Scheduling.ScheduleDay;
using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Infrastructure.Practice;
using ClinicPortal.Tests.Unit.Support;

namespace ClinicPortal.Tests.Unit;

/// <summary>Scheduled days are local dates of the practice's zone, so the zone stays put while any lie ahead.</summary>
public class PracticeSettingsTests
{
    [Fact]
    public async Task TheTimeZoneCannotChangeWhileFutureDaysAreScheduledAndTheRefusalSaysHowMany()
    {
        await using var app = await TestApp.StartAsync();
        var doctor = await app.CreateUserAsync("Dr Ada Hart", "hart@clinic.example", Roles.Doctor);
        foreach (var date in new[] { A.Tomorrow, A.Tomorrow.AddDays(1) })
            await app.Get<ScheduleDayHandler>().HandleAsync(doctor, date, [new BlockOfTime(new(9, 0), new(10, 0))], Actor.Doctor(doctor));
        var settings = app.Get<PracticeSettings>();

        var refused = await settings.SaveAsync(new PracticeProfile("Test Practice", "Europe/Paris", "desk@clinic.example"));

        Assert.StartsWith("The time zone cannot change while 2 future days are scheduled", refused);
        Assert.Equal("Europe/London", settings.Current.TimeZone);
        Assert.Null(await settings.SaveAsync(new PracticeProfile("Elm Street Surgery", "Europe/London", "desk@clinic.example")));
        Assert.Equal("Elm Street Surgery", settings.Current.Name);
    }

    [Fact]
    public async Task WithNothingAheadTheTimeZoneChanges()
    {
        await using var app = await TestApp.StartAsync();
        var settings = app.Get<PracticeSettings>();

        Assert.Null(await settings.SaveAsync(new PracticeProfile("Test Practice", "Europe/Paris", "desk@clinic.example")));
        Assert.Equal("Europe/Paris", settings.Current.TimeZone);
    }

    [Fact]
    public async Task AnUnknownZoneIsRefusedInWords()
    {
        await using var app = await TestApp.StartAsync();

        var refused = await app.Get<PracticeSettings>().SaveAsync(new PracticeProfile("Test Practice", "Mars/Olympus", "desk@clinic.example"));

        Assert.Equal("Mars/Olympus is not a time zone this server knows. Choose one from the list.", refused);
    }

    [Theory]
    [InlineData(TestApp.Sqlite)]
    [InlineData(TestApp.Postgres)]
    public async Task TheOwnerSharesTheDashboardWithReception_ItStaysSharedAfterARestart_AndOtherSavesKeepIt(string provider)
    {
        var folder = Directory.CreateTempSubdirectory("clinicportal-unit-").FullName;
        try
        {
            await using (var app = await TestApp.StartAsync(directory: folder, provider: provider))
            {
                var settings = app.Get<PracticeSettings>();
                Assert.False(settings.Current.DashboardSharedWithReception);
                Assert.Null(await settings.SaveAsync(new PracticeProfile("Test Practice", "Europe/London", "desk@clinic.example", ReceptionSeesDashboard: true)));
                // A save that does not say (an older form, the API) keeps it shared.
                Assert.Null(await settings.SaveAsync(new PracticeProfile("Elm Street Surgery", "Europe/London", "desk@clinic.example")));
                Assert.True(settings.Current.DashboardSharedWithReception);
            }
            await using (var restarted = await TestApp.StartAsync(directory: folder, provider: provider))
            {
                var settings = restarted.Get<PracticeSettings>();
                Assert.True(settings.Current.DashboardSharedWithReception);
                Assert.Equal("Elm Street Surgery", settings.Current.Name);
                Assert.Null(await settings.SaveAsync(settings.Current with { ReceptionSeesDashboard = false }));
                Assert.False(settings.Current.DashboardSharedWithReception);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData(Roles.Admin, false, DashboardView.Full)]
    [InlineData(Roles.Admin, true, DashboardView.Full)]
    [InlineData(Roles.Receptionist, false, DashboardView.None)]
    [InlineData(Roles.Receptionist, true, DashboardView.Practice)]
    [InlineData(Roles.Doctor, true, DashboardView.None)]
    [InlineData(Roles.Patient, true, DashboardView.None)]
    public void TheOwnerSeesTheWholeDashboard_ReceptionThePracticesFiguresWhenShared_NobodyElseAny(string role, bool shared, DashboardView expected)
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, role)], "test"));

        Assert.Equal(expected, DashboardAccess.For(user, new PracticeProfile("Test Practice", "Europe/London", "desk@clinic.example", ReceptionSeesDashboard: shared)));
    }
}
