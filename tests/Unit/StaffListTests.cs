using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Tests.Unit.Support;

namespace ClinicPortal.Tests.Unit;

/// <summary>The staff lists are kept between reads (every slot read names the doctors), and a change shows at once.</summary>
public class StaffListTests
{
    [Fact]
    public async Task AnInvitedClinicianAndADeactivatedOneShowAtOnce()
    {
        await using var app = await TestApp.StartAsync();
        var first = await app.CreateUserAsync("Dr Anne Hart", "hart@clinic.example", Roles.Doctor);
        var people = app.Get<PeopleDirectory>();
        var staff = app.Get<StaffAdministration>();
        Assert.Equal(["Dr Anne Hart"], (await people.InRoleAsync(Roles.Doctor)).Select(d => d.Name));

        Assert.Empty(await staff.InviteAsync("Dr Ben Ode", "ode@clinic.example", Roles.Doctor));
        var afterInvite = await people.InRoleAsync(Roles.Doctor);
        await staff.SetActiveAsync(first, active: false);
        var afterDeactivation = await people.InRoleAsync(Roles.Doctor);

        Assert.Equal(["Dr Anne Hart", "Dr Ben Ode"], afterInvite.Select(d => d.Name));
        Assert.Equal([false, true], afterDeactivation.Select(d => d.IsActive));
    }
}
