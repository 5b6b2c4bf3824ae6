using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Infrastructure.Privacy;

/// <summary>
/// What erasing a patient removes beside the log (their <c>PatientErased</c> is logged first): their key (so every text
/// written about them reads "erased"), their account's personal fields (the name becomes "Erased patient" and four
/// characters of their id; email, phone, password, sign-in tokens and calendar address go; signing in is impossible), their
/// link as a dependant, and every email in the outbox that names or quotes them. On SQLite the file is then rewritten
/// (<c>VACUUM</c>) and its write-ahead log emptied, so no deleted page keeps a copy.
/// </summary>
public sealed class PatientErasure(IServiceScopeFactory scopes, ClinicDatabase database, PersonalKeys keys, PeopleDirectory people, CurrentAccounts accounts)
    : Application.Ports.IPatientErasure
{

    /// <summary>Whether emails to the patient are still waiting to go (a cancellation's, say): erasure waits for them.</summary>
    public async Task<bool> HasEmailsWaitingAsync(string? email, CancellationToken ct = default) =>
        email is { Length: > 0 } address
        && (await database.RowsAsync<long>("SELECT count(*) FROM outbox WHERE recipient = @to AND status = 'pending';", ct, ("@to", address))).Single() > 0;

    /// <summary>
    /// Removes the patient's personal data: <paramref name="traces"/> are the words to find in the outbox (their name, email
    /// and phone, and the texts written about them, read before their key goes).
    /// </summary>
    public async Task EraseAsync(Guid patientId, IReadOnlyCollection<string> traces, CancellationToken ct = default)
    {
        await database.ExecuteAsync("DELETE FROM personal_keys WHERE patient_id = @patient;", ct, ("@patient", patientId));
        keys.Forget(patientId);

        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var user = await db.Users.SingleAsync(u => u.Id == patientId, ct);
            user.DisplayName = Domain.Privacy.ErasedPatient.NameOf(patientId); // for the schedule and the audit trail to say someone was there
            (user.UserName, user.NormalizedUserName) = ($"erased-{patientId:N}", $"ERASED-{patientId:N}".ToUpperInvariant());
            (user.Email, user.NormalizedEmail, user.EmailConfirmed, user.PhoneNumber, user.PhoneNumberConfirmed) = (null, null, false, null, false);
            (user.PasswordHash, user.SecurityStamp, user.ConcurrencyStamp) = (null, Guid.NewGuid().ToString("N").ToUpperInvariant(), Guid.NewGuid().ToString());
            (user.IsActive, user.LockoutEnabled, user.LockoutEnd, user.TwoFactorEnabled) = (false, true, DateTimeOffset.MaxValue, false);
            db.UserTokens.RemoveRange(await db.UserTokens.Where(t => t.UserId == patientId).ToListAsync(ct));
            db.UserLogins.RemoveRange(await db.UserLogins.Where(l => l.UserId == patientId).ToListAsync(ct));
            db.UserClaims.RemoveRange(await db.UserClaims.Where(c => c.UserId == patientId).ToListAsync(ct));
            await db.SaveChangesAsync(ct);
            await db.Database.ExecuteSqlAsync($"DELETE FROM dependants WHERE patient_id = {database.AccountId(patientId)}", ct);
            await transaction.CommitAsync(ct);
        }
        accounts.Forget(patientId); // their sessions end at once
        people.Forget(patientId);

        var words = traces.Where(t => t.Trim().Length >= 3).Select(t => t.Trim()).Distinct().ToArray();
        var outbox = await database.RowsAsync<OutboxText>("SELECT id, recipient, subject, html, text FROM outbox;", ct);
        foreach (var row in outbox.Where(row => words.Any(word =>
                     $"{row.Recipient}\n{row.Subject}\n{row.Html}\n{row.Text}".Contains(word, StringComparison.OrdinalIgnoreCase)
                     || System.Net.WebUtility.HtmlDecode(row.Html).Contains(word, StringComparison.OrdinalIgnoreCase))))
            await database.ExecuteAsync("DELETE FROM outbox WHERE id = @id;", ct, ("@id", row.Id));

        if (database.Dialect == SqlDialect.Sqlite)
        {
            await database.ExecuteAsync("VACUUM;", ct);
            await database.ExecuteAsync("PRAGMA wal_checkpoint(TRUNCATE);", ct);
        }
    }

    private sealed record OutboxText(long Id, string Recipient, string Subject, string Html, string Text);
}
