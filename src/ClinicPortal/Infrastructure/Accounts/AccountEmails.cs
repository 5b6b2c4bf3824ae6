using System.Net;
using ClinicPortal.Infrastructure.Email;
using ClinicPortal.Infrastructure.Practice;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace ClinicPortal.Infrastructure.Accounts;

/// <summary>
/// Password-reset and invitation emails: each carries a link to set a password with a one-time token. The link is
/// built from <c>Email:LinkBaseUrl</c>, never from the request: a forged Host header must not put an attacker's
/// address in front of a patient's reset token.
/// </summary>
public sealed class AccountEmails(UserManager<ClinicUser> users, IEmailSender sender, PracticeSettings practice, IOptions<EmailOptions> options)
{
    public async Task SendPasswordResetAsync(ClinicUser user, CancellationToken ct = default) =>
        await SendLinkAsync(user, $"Reset your {practice.Current.Name} password",
            "Someone asked to reset the password of your account. If it was you, choose a new password here:", ct);

    public async Task SendInvitationAsync(ClinicUser user, string role, CancellationToken ct = default) =>
        await SendLinkAsync(user, $"You are invited to {practice.Current.Name}",
            $"You have been invited to {practice.Current.Name} as {role.ToLowerInvariant()}. Choose your password here:", ct);

    private async Task SendLinkAsync(ClinicUser user, string subject, string lead, CancellationToken ct)
    {
        var token = WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
        var link = $"{options.Value.LinkBaseUrl.TrimEnd('/')}/account/set-password?userId={user.Id}&code={token}";
        var html = $"<p>Dear {WebUtility.HtmlEncode(user.DisplayName)},</p><p>{WebUtility.HtmlEncode(lead)}</p>" +
                   $"<p><a href=\"{WebUtility.HtmlEncode(link)}\">Set my password</a></p><p>{WebUtility.HtmlEncode(practice.Current.Name)}</p>";
        var text = $"Dear {user.DisplayName},\n\n{lead}\n{link}\n\n{practice.Current.Name}\n";
        await sender.SendAsync(new EmailMessage(user.Email!, subject, html, text), ct);
    }
}
