using ClinicPortal.Application.Ports;
using ClinicPortal.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using ClinicPortal.Infrastructure.Data;

namespace ClinicPortal.Infrastructure.Accounts;

/// <summary>
/// Names and contact details of the practice's people, from the accounts tables. Every read uses a fresh
/// context (pages hold this service for a whole circuit), without tracking.
/// </summary>
public sealed class PeopleDirectory(IServiceScopeFactory scopes, IMemoryCache cache, Data.ClinicDatabase database) : IAccounts
{
    private static readonly TimeSpan StandingFor = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Whether someone exists, is active and is a patient: asked on every booking (for the patient and the clinician),
    /// so one plain SQL statement rather than an EF Core query (which costs more than the rest of the booking's reads
    /// together), and looked up at most once a minute per person. <see cref="StaffAdministration"/> forgets it when it
    /// changes. (The accounts tables are Identity's as EF Core maps them on each database: <see cref="ClinicDatabase.AccountId"/>.)
    /// </summary>
    public async Task<AccountStanding> StandingAsync(Guid id, CancellationToken ct = default) =>
        (await cache.GetOrCreateAsync(("standing", id), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = StandingFor;
            var rows = await database.RowsAsync<StandingRow>(
                $"""
                SELECT u."IsActive" AS is_active, EXISTS (SELECT 1 FROM "AspNetUserRoles" l JOIN "AspNetRoles" r ON r."Id" = l."RoleId"
                                                          WHERE l."UserId" = u."Id" AND r."Name" = '{Roles.Patient}') AS is_patient
                FROM "AspNetUsers" u WHERE u."Id" = @id;
                """,
                ct, ("@id", database.AccountId(id)));
            return rows.Count > 0 ? new AccountStanding(true, rows[0].IsActive, rows[0].IsPatient) : new AccountStanding(false, false, false);
        }))!;

    /// <summary>Forgets someone's cached standing, dependants and the staff lists, so the next booking and page see a change at once.</summary>
    public void Forget(Guid id)
    {
        cache.Remove(("standing", id));
        cache.Remove(("dependants", id));
        ForgetStaff();
    }

    /// <summary>
    /// A patient with the dependants their account books for, kept for a minute like their standing and forgotten when
    /// they change (<see cref="DependantAccounts"/>); anyone else as they are.
    /// </summary>
    public async Task<Actor> SpeakingAsync(Actor by, CancellationToken ct = default) =>
        by.Role != Role.Patient ? by : by with
        {
            Dependants = (await cache.GetOrCreateAsync(("dependants", by.Id), async entry =>
            {
                entry.AbsoluteExpirationRelativeToNow = StandingFor;
                return (IReadOnlyCollection<Guid>)(await database.RowsAsync<Guid>(
                    "SELECT patient_id FROM dependants WHERE guardian_id = @id;", ct, ("@id", database.AccountId(by.Id)))).ToHashSet();
            }))!,
        };

    /// <summary>Forgets the kept staff lists (after an invitation, or any change to a staff account).</summary>
    public void ForgetStaff()
    {
        foreach (var role in Roles.All.Where(r => r != Roles.Patient))
            cache.Remove(("role", role));
    }

    private async Task<T> ReadAsync<T>(Func<AccountsDbContext, Task<T>> read)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        return await read(db);
    }

    /// <summary>
    /// Everyone in a staff role, by name. Every slot read and every page that names clinicians asks for it, so it is
    /// kept for a minute and forgotten whenever staff accounts change (<see cref="StaffAdministration"/>); the patients'
    /// role is never kept (it only grows, and no hot path lists it).
    /// </summary>
    public async Task<IReadOnlyList<Person>> InRoleAsync(string role, CancellationToken ct = default)
    {
        if (role == Roles.Patient)
            return await ReadInRoleAsync(role, ct);
        return (await cache.GetOrCreateAsync(("role", role), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = StandingFor;
            return ReadInRoleAsync(role, ct);
        }))!;
    }

    /// <summary>Every clinician of every kind, by name (kept like the staff lists it is made of).</summary>
    public async Task<IReadOnlyList<Clinician>> CliniciansAsync(CancellationToken ct = default)
    {
        var all = new List<Clinician>();
        foreach (var kind in Enum.GetValues<ClinicianKind>())
            all.AddRange((await InRoleAsync(Roles.Of(kind), ct)).Select(person => new Clinician(person, kind)));
        return all.OrderBy(c => c.Name, StringComparer.CurrentCulture).ThenBy(c => c.Id).ToArray();
    }

    /// <summary>Whether any of these people has an account that staff have deactivated (a clinician taking no new bookings).</summary>
    public async Task<bool> AnyDeactivatedAsync(IEnumerable<Guid> ids, CancellationToken ct = default)
    {
        foreach (var id in ids.Distinct())
            if (await StandingAsync(id, ct) is { Exists: true, IsActive: false })
                return true;
        return false;
    }

    /// <summary>Each clinician's kind, for the decisions and offers of visit types given by a kind.</summary>
    public async Task<Func<Guid, ClinicianKind?>> KindsAsync(CancellationToken ct = default)
    {
        var kinds = (await CliniciansAsync(ct)).ToDictionary(c => c.Id, c => c.Kind);
        return id => kinds.TryGetValue(id, out var kind) ? kind : null;
    }

    /// <summary>Every clinician as a person, by name: for the pages and answers that name them.</summary>
    public async Task<IReadOnlyList<Person>> ClinicianPeopleAsync(CancellationToken ct = default) =>
        (await CliniciansAsync(ct)).Select(c => c.Person).ToArray();

    private async Task<IReadOnlyList<Person>> ReadInRoleAsync(string role, CancellationToken ct) => await ReadAsync(db =>
        (from user in db.Users
         join link in db.UserRoles on user.Id equals link.UserId
         join r in db.Roles on link.RoleId equals r.Id
         where r.Name == role
         orderby user.DisplayName
         select new Person(user.Id, user.DisplayName, user.Email ?? "", user.PhoneNumber, user.IsActive)).ToArrayAsync(ct));

    public async Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid> ids, CancellationToken ct = default)
    {
        var wanted = ids.Distinct().ToArray();
        return await ReadAsync(db => db.Users.Where(u => wanted.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct));
    }

    /// <summary>Name and contact details of each of these people that has an account.</summary>
    public async Task<Dictionary<Guid, Person>> FindManyAsync(IEnumerable<Guid> ids, CancellationToken ct = default)
    {
        var wanted = ids.Distinct().ToArray();
        return await ReadAsync(db => db.Users.Where(u => wanted.Contains(u.Id))
            .Select(u => new Person(u.Id, u.DisplayName, u.Email ?? "", u.PhoneNumber, u.IsActive)).ToDictionaryAsync(p => p.Id, ct));
    }

    public async Task<AccountContact?> ContactAsync(Guid id, CancellationToken ct = default) =>
        await FindAsync(id, ct) is { } person ? new AccountContact(person.Id, person.Name, person.Email, person.Phone, person.IsActive) : null;

    public async Task<DependantLink?> DependantLinkAsync(Guid patientId, CancellationToken ct = default) =>
        (await database.RowsAsync<LinkRow>("SELECT guardian_id, date_of_birth FROM dependants WHERE patient_id = @patient;", ct, ("@patient", database.AccountId(patientId))))
        .Select(row => new DependantLink(row.GuardianId, Rows.Day(row.DateOfBirth))).FirstOrDefault();

    private sealed record LinkRow(Guid GuardianId, string DateOfBirth);

    public Task<Person?> FindAsync(Guid id, CancellationToken ct = default) => ReadAsync(db =>
        db.Users.Where(u => u.Id == id).Select(u => new Person(u.Id, u.DisplayName, u.Email ?? "", u.PhoneNumber, u.IsActive)).FirstOrDefaultAsync(ct));

    /// <summary>The language someone chose for themselves (the menu at the top of the pages), or null when they have not.</summary>
    public Task<string?> LanguageOfAsync(Guid id, CancellationToken ct = default) => ReadAsync(db =>
        db.UserClaims.Where(c => c.UserId == id && c.ClaimType == Languages.Languages.ClaimType).Select(c => c.ClaimValue).FirstOrDefaultAsync(ct));

    public const int SearchLimit = 20;

    /// <summary>
    /// Patients whose name or email contains <paramref name="text"/> (at most 20, by name), each dependant with their
    /// guardian, and the dependants of the account holders found (reception finds a child by the parent's name): for phone
    /// bookings only the active ones, for the patients page every one.
    /// </summary>
    public async Task<List<Person>> SearchPatientsAsync(string text, CancellationToken ct = default, bool includeDeactivated = false)
    {
        var term = text.Trim();
        if (term.Length < 2)
            return [];
        var pattern = "%" + term.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
        var found = await ReadAsync(db =>
            (from user in db.Users
             join link in db.UserRoles on user.Id equals link.UserId
             join r in db.Roles on link.RoleId equals r.Id
             where r.Name == Roles.Patient && (includeDeactivated || user.IsActive)
                   && (EF.Functions.Like(user.DisplayName, pattern, "\\") || EF.Functions.Like(user.Email!, pattern, "\\"))
             orderby user.DisplayName
             select new Person(user.Id, user.DisplayName, user.Email ?? "", user.PhoneNumber, user.IsActive)).Take(SearchLimit).ToListAsync(ct));
        var families = await FamiliesAsync(found.Select(p => p.Id), ct);
        var more = families.Where(f => !found.Any(p => p.Id == f.PatientId)).Select(f => f.PatientId).ToArray();
        var everyone = (await FindManyAsync(more.Concat(families.Select(f => f.GuardianId)), ct))
            .Concat(found.Select(p => KeyValuePair.Create(p.Id, p))).DistinctBy(p => p.Key).ToDictionary();
        return found.Concat(more.Select(id => everyone[id]).Where(p => includeDeactivated || p.IsActive))
            .Select(p => families.FirstOrDefault(f => f.PatientId == p.Id) is { } family ? p with { Guardian = everyone.GetValueOrDefault(family.GuardianId) } : p)
            .OrderBy(p => p.Name, StringComparer.CurrentCulture).ThenBy(p => p.Id).Take(SearchLimit).ToList();
    }

    /// <summary>These people with their guardian, where they are dependants.</summary>
    public async Task<IReadOnlyList<Person>> WithGuardiansAsync(IReadOnlyList<Person> found, CancellationToken ct = default)
    {
        var families = (await FamiliesAsync(found.Select(p => p.Id), ct)).Where(f => found.Any(p => p.Id == f.PatientId)).ToArray();
        if (families.Length == 0)
            return found;
        var guardians = await FindManyAsync(families.Select(f => f.GuardianId), ct);
        return found.Select(p => families.FirstOrDefault(f => f.PatientId == p.Id) is { } family ? p with { Guardian = guardians.GetValueOrDefault(family.GuardianId) } : p).ToArray();
    }

    /// <summary>The dependants' links that name any of these people, as dependant or as guardian.</summary>
    private async Task<IReadOnlyList<FamilyRow>> FamiliesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var (list, parameters) = SqlList.In("@p", ids.Distinct().Select(database.AccountId));
        if (parameters.Length == 0)
            return [];
        return await database.RowsAsync<FamilyRow>(
            $"SELECT patient_id, guardian_id FROM dependants WHERE patient_id IN ({list}) OR guardian_id IN ({list});", ct, parameters!);
    }

    private sealed record FamilyRow(Guid PatientId, Guid GuardianId);

    private sealed class StandingRow
    {
        public bool IsActive { get; init; }
        public bool IsPatient { get; init; }
    }
}
