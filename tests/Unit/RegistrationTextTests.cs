using ClinicPortal.Infrastructure.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicPortal.Tests.Unit;

/// <summary>What registration says when a password or email is refused: the practice's words, never the framework's.</summary>
public class RegistrationTextTests
{
    [Fact]
    public async Task AWeakPasswordIsRefusedWithSentencesForPeople()
    {
        await using var app = await TestApp.StartAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ClinicUser>>();

        var result = await users.CreateAsync(new ClinicUser { Id = Guid.NewGuid(), UserName = "weak@mail.example", Email = "weak@mail.example", DisplayName = "Weak" }, "short");

        var messages = result.Errors.Select(e => e.Description).ToArray();
        Assert.Contains("Use at least 8 characters.", messages);
        Assert.Contains("Include at least one number (0–9).", messages);
        Assert.Contains("Include at least one capital letter (A–Z).", messages);
        Assert.DoesNotContain(messages, m => m.Contains("Passwords must") || m.Contains("'0'-'9'"));
    }

    [Fact]
    public async Task AnEmailInUseSaysSoAndWhatToDo()
    {
        await using var app = await TestApp.StartAsync();
        await app.CreateUserAsync("First", "taken@mail.example", Roles.Patient);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ClinicUser>>();

        var result = await users.CreateAsync(new ClinicUser { Id = Guid.NewGuid(), UserName = "taken@mail.example", Email = "taken@mail.example", DisplayName = "Second" }, "Password123");

        Assert.Contains(result.Errors, e => e.Description == "An account with this email already exists. Sign in, or reset your password.");
        Assert.DoesNotContain(result.Errors, e => e.Description.Contains("is already taken"));
    }
}
