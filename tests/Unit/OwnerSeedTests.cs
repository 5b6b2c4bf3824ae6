using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Tests.Unit.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicPortal.Tests.Unit;

public class OwnerSeedTests
{
    [Fact]
    public async Task TheOwnerIsCreatedFromConfigurationOnceAndOnlyWhileThereIsNoAdmin()
    {
        var directory = Directory.CreateTempSubdirectory("clinicportal-owner-").FullName;
        var settings = new Dictionary<string, string?> { ["Seed:AdminEmail"] = "owner@practice.example", ["Seed:AdminPassword"] = "Owner1234" };
        await using (await TestApp.StartAsync(directory: directory, settings: settings)) { }

        await using var restarted = await TestApp.StartAsync(directory: directory,
            settings: new Dictionary<string, string?> { ["Seed:AdminEmail"] = "second@practice.example", ["Seed:AdminPassword"] = "Owner1234" });
        await using var scope = restarted.Get<IServiceScopeFactory>().CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ClinicUser>>();

        var admins = await users.GetUsersInRoleAsync(Roles.Admin);
        var owner = Assert.Single(admins);
        Assert.Equal("owner@practice.example", owner.Email);
        Assert.True(await users.CheckPasswordAsync(owner, "Owner1234"));
    }
}
