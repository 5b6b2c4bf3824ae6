using ClinicPortal.Application.Ports;
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
    : IPatientErasure
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
        var link = await people.DependantLinkAsync(patientId, ct);
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
        if (link is not null)
            people.Forget(link.GuardianId); // their account holder no longer books for them

        var words = traces.Where(t => t.Trim().Length >= 3).Select(t => t.Trim()).Distinct().ToArray();
        foreach (var row in (await OutboxNamingAsync(words, ct)).Where(row => words.Any(word =>
                     $"{row.Recipient}\n{row.Subject}\n{row.Html}\n{row.Text}".Contains(word, StringComparison.OrdinalIgnoreCase)
                     || System.Net.WebUtility.HtmlDecode(row.Html).Contains(word, StringComparison.OrdinalIgnoreCase))))
            await database.ExecuteAsync("DELETE FROM outbox WHERE id = @id;", ct, ("@id", row.Id));

    }

    public async Task CompactAsync(CancellationToken ct = default)
    {
        if (database.Dialect != SqlDialect.Sqlite)
            return; // PostgreSQL's deleted rows are not read back, and its own vacuum reclaims them
        await database.ExecuteAsync("VACUUM;", ct);
        await database.ExecuteAsync("PRAGMA wal_checkpoint(TRUNCATE);", ct);
    }

    public async Task<IReadOnlyList<PatientPastKeeping>> PastKeepingAsync(DateTimeOffset keptSince, DateTimeOffset now, DateOnly today, CancellationToken ct = default)
    {
        var bookings = (await database.RowsAsync<BookingSpan>(
                "SELECT patient_id, max(end_utc) AS last_end, max(booked_at) AS last_booked, " +
                "max(CASE WHEN cancelled IS NULL AND end_utc > @now THEN end_utc ELSE 0 END) AS to_come FROM rm_bookings GROUP BY patient_id;",
                ct, ("@now", now.ToUnixTimeMilliseconds())))
            .ToDictionary(b => b.PatientId);
        var waiting = (await database.RowsAsync<Guid>(
            "SELECT DISTINCT patient_id FROM rm_waits WHERE status IN ('waiting', 'offered') AND to_date >= @today;", ct,
            ("@today", ReadModels.Columns.Day(today)))).ToHashSet();
        var past = new List<Person>();
        var since = new Dictionary<Guid, (DateTimeOffset At, bool Booked)>();
        foreach (var patient in await people.InRoleAsync(Roles.Patient, ct))
        {
            if (patient.Name == Domain.Privacy.ErasedPatient.NameOf(patient.Id) && !patient.IsActive || waiting.Contains(patient.Id))
                continue;
            var registered = AccountIds.CreatedAt(patient.Id);
            var booked = bookings.GetValueOrDefault(patient.Id);
            if (booked is { ToCome: > 0 })
                continue;
            var last = booked is null ? registered : Latest(registered, DateTimeOffset.FromUnixTimeMilliseconds(Math.Max(booked.LastEnd, booked.LastBooked)));
            if (last is { } at && at < keptSince)
            {
                past.Add(patient);
                since[patient.Id] = (at, booked is not null);
            }
        }
        return (await people.WithGuardiansAsync(past, ct))
            .Select(p => new PatientPastKeeping(p.Id, p.Name, since[p.Id].At, since[p.Id].Booked, p.Guardian?.Id, p.Guardian?.Name))
            .OrderBy(p => p.LastSeen).ThenBy(p => p.Name, StringComparer.CurrentCulture)
            .ToArray();
    }

    private static DateTimeOffset? Latest(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x > b ? x : b;

    private sealed record BookingSpan(Guid PatientId, long LastEnd, long LastBooked, long ToCome);

    /// <summary>
    /// The outbox's emails that may name or quote any of <paramref name="words"/>: the database narrows them down (each word
    /// as written, lower-cased and HTML-encoded, in any field) so that an erasure does not read the whole outbox.
    /// </summary>
    private async Task<IReadOnlyList<OutboxText>> OutboxNamingAsync(IReadOnlyList<string> words, CancellationToken ct)
    {
        if (words.Count == 0)
            return [];
        var patterns = words.SelectMany(w => new[] { w, w.ToLowerInvariant(), System.Net.WebUtility.HtmlEncode(w) }).Distinct()
            .Select((w, i) => ($"@p{i}", (object?)$"%{w.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_")}%")).ToArray();
        var matches = patterns.SelectMany(p => new[] { "recipient", "subject", "text", "html" }
            .SelectMany(column => new[] { $"{column} LIKE {p.Item1} ESCAPE '\\'", $"lower({column}) LIKE {p.Item1} ESCAPE '\\'" }));
        return await database.RowsAsync<OutboxText>($"SELECT id, recipient, subject, html, text FROM outbox WHERE {string.Join(" OR ", matches)};", ct, patterns);
    }

    private sealed record OutboxText(long Id, string Recipient, string Subject, string Html, string Text);
}
