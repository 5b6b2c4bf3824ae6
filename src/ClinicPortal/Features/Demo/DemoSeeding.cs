namespace ClinicPortal.Features.Demo;

public static class DemoSeeding
{
    /// <summary>Roles always; the demo practice when Seed:Demo is set and there are no users yet; the owner from Seed:AdminEmail.</summary>
    public static async Task SeedAccountsAsync(this IServiceProvider services, IConfiguration configuration)
    {
        await using var scope = services.CreateAsyncScope();
        var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
        await seeder.EnsureRolesAsync();
        var seed = configuration.GetSection(SeedOptions.Section).Get<SeedOptions>() ?? new SeedOptions();
        if (seed.Demo)
            await seeder.SeedDemoIfEmptyAsync();
        if (!string.IsNullOrWhiteSpace(seed.AdminEmail) && !string.IsNullOrEmpty(seed.AdminPassword))
            await seeder.EnsureOwnerAsync(seed.AdminEmail, seed.AdminPassword);
    }
}
