using System.Net;
using System.Text;
using ClinicPortal.Infrastructure.Email;
using ClinicPortal.Infrastructure.Practice;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace ClinicPortal.Infrastructure.Accounts;

/// <summary>
/// The emails about an account: confirm your address, reset your password, you are invited, you are already
/// registered. Each is recorded in the outbox and sent by the dispatcher like every other email, so the page that
/// asked for it answers at once, and an SMTP server that is down delays the email instead of failing the page.
/// Links are built from <c>Email:LinkBaseUrl</c>, never from the request: a forged Host header must not put an
/// attacker's address in front of a patient's one-time token.
/// </summary>
public sealed class AccountEmails(
    UserManager<ClinicUser> users, EmailOutbox outbox, PracticeSettings practice, IOptions<EmailOptions> options, TimeProvider time)
{
    public async Task SendPasswordResetAsync(ClinicUser user, CancellationToken ct = default) =>
        await RecordAsync(user, "reset", $"Reset your {practice.Current.Name} password",
            "Someone asked to reset the password of your account. If it was you, choose a new password here:",
            "Set my password", SetPasswordLink(user, await users.GeneratePasswordResetTokenAsync(user)), ct);

    public async Task SendInvitationAsync(ClinicUser user, string role, CancellationToken ct = default) =>
        await RecordAsync(user, "invite", $"You are invited to {practice.Current.Name}",
            $"You have been invited to {practice.Current.Name} as {role.ToLowerInvariant()}. Choose your password here:",
            "Set my password", SetPasswordLink(user, await users.GeneratePasswordResetTokenAsync(user)), ct);

    /// <summary>A dependant given their own account by staff: the link to choose a password, their appointments already in it.</summary>
    public async Task SendOwnAccountInvitationAsync(ClinicUser user, CancellationToken ct = default) =>
        await RecordAsync(user, "own-account", $"Your own account at {practice.Current.Name}",
            $"{practice.Current.Name} has given you an account of your own, with your appointments in it: until now they were booked for you. Choose your password here:",
            "Set my password", SetPasswordLink(user, await users.GeneratePasswordResetTokenAsync(user)), ct);

    public async Task SendEmailConfirmationAsync(ClinicUser user, CancellationToken ct = default) =>
        await RecordAsync(user, "confirm", $"Confirm your email for {practice.Current.Name}",
            "Thank you for registering. Please confirm that this is your email address, and then you can book:",
            "Confirm my email", Link("account/confirm-email", user, await users.GenerateEmailConfirmationTokenAsync(user)), ct);

    /// <summary>
    /// Someone registered with an email that already has an account. The page tells them the same as anyone (so it
    /// reveals nobody's email); the owner of the address learns what happened and how to get in.
    /// </summary>
    public Task SendAlreadyRegisteredAsync(ClinicUser user, CancellationToken ct = default) =>
        RecordAsync(user, "registered", $"You already have an account at {practice.Current.Name}",
            "Someone tried to register a new account with this email, which already has one. If it was you, sign in here " +
            "(or ask for a new password on the sign-in page). If it was not you, you need do nothing.",
            "Sign in", $"{Base}/account/login", ct);

    private string Base => options.Value.LinkBaseUrl.TrimEnd('/');

    private string SetPasswordLink(ClinicUser user, string token) => Link("account/set-password", user, token);

    private string Link(string page, ClinicUser user, string token) =>
        $"{Base}/{page}?userId={user.Id}&code={WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token))}";

    /// <summary>A token from a link made by <see cref="Link"/>, or "" for a mangled one.</summary>
    public static string TokenOf(string? code)
    {
        try
        {
            return string.IsNullOrEmpty(code) ? "" : Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return "";
        }
    }

    private async Task RecordAsync(ClinicUser user, string purpose, string subject, string lead, string action, string link, CancellationToken ct)
    {
        var name = practice.Current.Name;
        var html = $"<p>Dear {WebUtility.HtmlEncode(user.DisplayName)},</p><p>{WebUtility.HtmlEncode(lead)}</p>" +
                   $"<p><a href=\"{WebUtility.HtmlEncode(link)}\">{WebUtility.HtmlEncode(action)}</a></p><p>{WebUtility.HtmlEncode(name)}</p>";
        var text = $"Dear {user.DisplayName},\n\n{lead}\n{link}\n\n{name}\n";
        // Every request is its own email: asking twice for a reset link sends two.
        var key = $"{EmailOutbox.AccountKindPrefix}{purpose}:{user.Id}:{Guid.CreateVersion7()}";
        await outbox.RecordAsync(new OutboxMessage(key, EmailOutbox.AccountKindPrefix + purpose, new EmailMessage(user.Email!, subject, html, text)),
            time.GetUtcNow(), ct);
    }
}
