using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace ClinicPortal.Infrastructure.Accounts;

/// <summary>
/// The private part of each person's calendar subscription address (<c>/calendar/{secret}.ics</c>): 16 bytes naming
/// the account and 18 random ones, base64url, kept with the account as an Identity token (<c>AspNetUserTokens</c>, so
/// both databases, the move to PostgreSQL and a deactivation treat it as the account's own). Not in the log: the log
/// is kept for ever and shown in the audit trail, and an address that has been renewed must end for good. Made when
/// first asked for; renewing replaces it, and the old address answers nothing from then on.
/// </summary>
public sealed class CalendarFeedSecrets(IServiceScopeFactory scopes)
{
    private const string Provider = "ClinicPortal";
    private const string TokenName = "CalendarFeed";
    private const int RandomBytes = 18;

    /// <summary>The account's current secret, made now if it has none (null: no such account).</summary>
    public Task<string?> SecretOfAsync(Guid accountId) => WithUserAsync(accountId, async (users, user) =>
        await users.GetAuthenticationTokenAsync(user, Provider, TokenName) ?? await ReplaceAsync(users, user));

    /// <summary>A new secret for the account, ending the one before it (null: no such account).</summary>
    public Task<string?> RenewAsync(Guid accountId) => WithUserAsync(accountId, ReplaceAsync);

    /// <summary>Whose address this is: the account whose current secret it is and who is still active; null otherwise.</summary>
    public async Task<Guid?> OwnerOfAsync(string secret)
    {
        if (secret.Length != Base64Url.GetEncodedLength(16 + RandomBytes) || !Base64Url.IsValid(secret))
            return null;
        var accountId = new Guid(Base64Url.DecodeFromChars(secret)[..16]);
        var current = await WithUserAsync(accountId, async (users, user) =>
            user.IsActive ? await users.GetAuthenticationTokenAsync(user, Provider, TokenName) : null);
        return current is not null && CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.ASCII.GetBytes(current), System.Text.Encoding.ASCII.GetBytes(secret))
            ? accountId
            : null;
    }

    private static async Task<string?> ReplaceAsync(UserManager<ClinicUser> users, ClinicUser user)
    {
        var bytes = new byte[16 + RandomBytes];
        user.Id.TryWriteBytes(bytes);
        RandomNumberGenerator.Fill(bytes.AsSpan(16));
        var secret = Base64Url.EncodeToString(bytes);
        var saved = await users.SetAuthenticationTokenAsync(user, Provider, TokenName, secret);
        return saved.Succeeded ? secret : throw new InvalidOperationException($"The calendar address could not be saved: {string.Join("; ", saved.Errors.Select(e => e.Description))}");
    }

    private async Task<string?> WithUserAsync(Guid accountId, Func<UserManager<ClinicUser>, ClinicUser, Task<string?>> use)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ClinicUser>>();
        return await users.FindByIdAsync(accountId.ToString()) is { } user ? await use(users, user) : null;
    }
}
