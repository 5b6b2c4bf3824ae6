using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Tests.Unit.Support;

namespace ClinicPortal.Tests.Unit;

public class PatientSearchTests
{
    [Fact]
    public async Task ReceptionFindsPatientsByPartOfTheirNameOrEmailAndNobodyElse()
    {
        await using var app = await TestApp.StartAsync();
        await app.CreateUserAsync("Anna Berg", "anna@mail.example", Roles.Patient);
        await app.CreateUserAsync("Joanne Kay", "jk@mail.example", Roles.Patient);
        await app.CreateUserAsync("Tom Reed", "tom.annan@mail.example", Roles.Patient);
        await app.CreateUserAsync("Dr Anne Hart", "hart@clinic.example", Roles.Doctor);
        var people = app.Get<PeopleDirectory>();

        var byName = await people.SearchPatientsAsync("ANN");
        var byEmail = await people.SearchPatientsAsync("jk@");
        var literalPercent = await people.SearchPatientsAsync("a%n");
        var tooShort = await people.SearchPatientsAsync("a");

        Assert.Equal(["Anna Berg", "Joanne Kay", "Tom Reed"], byName.Select(p => p.Name));
        Assert.Equal("Joanne Kay", Assert.Single(byEmail).Name);
        Assert.Empty(literalPercent);
        Assert.Empty(tooShort);
    }
}
