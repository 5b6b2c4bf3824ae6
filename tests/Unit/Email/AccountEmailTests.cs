using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Infrastructure.Data;
using ClinicPortal.Infrastructure.Email;
using ClinicPortal.Tests.Unit.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ClinicPortal.Infrastructure.Sqlite;

namespace ClinicPortal.Tests.Unit.Email;

/// <summary>Account emails go through the outbox like the others, and their one-time links do not stay in it.</summary>
public class AccountEmailTests
{
    [Fact]
    public async Task AResetLinkIsRecordedThenSent_AndOnceSentItsBodyIsNoLongerKept()
    {
        await using var smtp = await SmtpServer.CreateAsync();
        await using var app = await TestApp.StartAsync(settings: EmailDeliveryTests.Smtp(smtp));
        var id = await app.CreateUserAsync("Pat Reset", "reset@mail.example", Roles.Patient);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var user = (await scope.ServiceProvider.GetRequiredService<UserManager<ClinicUser>>().FindByIdAsync(id.ToString()))!;
            await scope.ServiceProvider.GetRequiredService<AccountEmails>().SendPasswordResetAsync(user);
        }
        Assert.Empty(smtp.Messages()); // recorded, not sent by the page that asked
        var row = Assert.Single(await app.Get<EmailOutbox>().ListAsync(null, 10));
        Assert.Equal(OutboxStatus.Pending, row.Status);
        Assert.Contains("/account/set-password?userId=", await BodyAsync(app, row.Id));

        await app.Get<EmailDispatcher>().SendDueAsync();

        var sent = Assert.Single(smtp.Messages());
        Assert.Contains("To: reset@mail.example", sent);
        Assert.Contains("/account/set-password?userId=", Mailbox.Decode(sent));
        Assert.Equal(OutboxStatus.Sent, Assert.Single(await app.Get<EmailOutbox>().ListAsync(null, 10)).Status);
        Assert.Equal("", await BodyAsync(app, row.Id));
    }

    private static async Task<string> BodyAsync(TestApp app, long id)
    {
        await using var connection = await app.Get<SqliteDatabase>().OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT html || text FROM outbox WHERE id = @id;";
        command.Parameters.AddWithValue("@id", id);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
