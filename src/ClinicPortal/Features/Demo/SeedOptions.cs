namespace ClinicPortal.Features.Demo;

public sealed class SeedOptions
{
    public const string Section = "Seed";

    /// <summary>Seed the demo practice when the database has no users (true for `dotnet run`, false in Production).</summary>
    public bool Demo { get; set; }

    /// <summary>With <see cref="AdminPassword"/>: the practice owner's account, created when no admin exists yet.</summary>
    public string? AdminEmail { get; set; }

    public string? AdminPassword { get; set; }
}
