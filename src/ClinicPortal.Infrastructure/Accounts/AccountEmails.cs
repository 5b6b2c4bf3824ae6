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
        await RecordAsync(user, "reset", "Reset", SetPasswordLink(user, await users.GeneratePasswordResetTokenAsync(user)), ct);

    public async Task SendInvitationAsync(ClinicUser user, string role, CancellationToken ct = default) =>
        await RecordAsync(user, "invite", "Invite", SetPasswordLink(user, await users.GeneratePasswordResetTokenAsync(user)), ct, role);

    /// <summary>A dependant given their own account by staff: the link to choose a password, their appointments already in it.</summary>
    public async Task SendOwnAccountInvitationAsync(ClinicUser user, CancellationToken ct = default) =>
        await RecordAsync(user, "own-account", "OwnAccount", SetPasswordLink(user, await users.GeneratePasswordResetTokenAsync(user)), ct);

    public async Task SendEmailConfirmationAsync(ClinicUser user, CancellationToken ct = default) =>
        await RecordAsync(user, "confirm", "Confirm", Link("account/confirm-email", user, await users.GenerateEmailConfirmationTokenAsync(user)), ct);

    /// <summary>
    /// Someone registered with an email that already has an account. The page tells them the same as anyone (so it
    /// reveals nobody's email); the owner of the address learns what happened and how to get in.
    /// </summary>
    public Task SendAlreadyRegisteredAsync(ClinicUser user, CancellationToken ct = default) =>
        RecordAsync(user, "registered", "Registered", $"{Base}/account/login", ct);

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

    /// <summary>
    /// Records the email of <paramref name="purpose"/>, its words the AccountTexts named <paramref name="texts"/>
    /// (<c>_Subject</c>, <c>_Lead</c>, <c>_Action</c>), in the language the person chose, else the page's.
    /// </summary>
    private async Task RecordAsync(ClinicUser user, string purpose, string texts, string link, CancellationToken ct, string? role = null)
    {
        using var language = (await users.GetClaimsAsync(user)).FirstOrDefault(c => c.Type == Languages.Languages.ClaimType)?.Value is { } chosen
                             && Languages.Languages.Match(chosen) is { } code
            ? Languages.Languages.Use(code)
            : null;
        var name = practice.Current.Name;
        var subject = string.Format(Text($"{texts}_Subject"), name);
        var lead = string.Format(Text($"{texts}_Lead"), name, role is null ? null : Resources.AccountTexts.ResourceManager.GetString($"Role_{role}") ?? role.ToLowerInvariant());
        var action = Text($"{texts}_Action");
        var dear = string.Format(Resources.AccountTexts.Dear, user.DisplayName);
        var html = $"<p>{WebUtility.HtmlEncode(dear)}</p><p>{WebUtility.HtmlEncode(lead)}</p>" +
                   $"<p><a href=\"{WebUtility.HtmlEncode(link)}\">{WebUtility.HtmlEncode(action)}</a></p><p>{WebUtility.HtmlEncode(name)}</p>";
        var text = $"{dear}\n\n{lead}\n{link}\n\n{name}\n";
        // Every request is its own email: asking twice for a reset link sends two.
        var key = $"{EmailOutbox.AccountKindPrefix}{purpose}:{user.Id}:{Guid.CreateVersion7()}";
        await outbox.RecordAsync(new OutboxMessage(key, EmailOutbox.AccountKindPrefix + purpose, new EmailMessage(user.Email!, subject, html, text)),
            time.GetUtcNow(), ct);
    }

    private static string Text(string name) =>
        Resources.AccountTexts.ResourceManager.GetString(name) ?? throw new InvalidOperationException($"No account text {name}.");
}
