using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Infrastructure.Accounts;

public sealed record Person(Guid Id, string Name, string Email, string? Phone, bool IsActive);

/// <summary>
/// Names and contact details of the practice's people, from the accounts tables. Every read uses a fresh
/// context (pages hold this service for a whole circuit), without tracking.
/// </summary>
public sealed class PeopleDirectory(IServiceScopeFactory scopes)
{
    private async Task<T> ReadAsync<T>(Func<AccountsDbContext, Task<T>> read)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        return await read(db);
    }

    public Task<List<Person>> InRoleAsync(string role, CancellationToken ct = default) => ReadAsync(db =>
        (from user in db.Users
         join link in db.UserRoles on user.Id equals link.UserId
         join r in db.Roles on link.RoleId equals r.Id
         where r.Name == role
         orderby user.DisplayName
         select new Person(user.Id, user.DisplayName, user.Email!, user.PhoneNumber, user.IsActive)).ToListAsync(ct));

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
            .Select(u => new Person(u.Id, u.DisplayName, u.Email!, u.PhoneNumber, u.IsActive)).ToDictionaryAsync(p => p.Id, ct));
    }

    /// <summary>The patient with this id, active or not; null when nobody or someone who is not a patient has it.</summary>
    public Task<Person?> FindPatientAsync(Guid id, CancellationToken ct = default) => ReadAsync(db =>
        (from user in db.Users
         join link in db.UserRoles on user.Id equals link.UserId
         join r in db.Roles on link.RoleId equals r.Id
         where user.Id == id && r.Name == Roles.Patient
         select new Person(user.Id, user.DisplayName, user.Email!, user.PhoneNumber, user.IsActive)).FirstOrDefaultAsync(ct));

    public Task<Person?> FindAsync(Guid id, CancellationToken ct = default) => ReadAsync(db =>
        db.Users.Where(u => u.Id == id).Select(u => new Person(u.Id, u.DisplayName, u.Email!, u.PhoneNumber, u.IsActive)).FirstOrDefaultAsync(ct));

    public const int SearchLimit = 20;

    /// <summary>
    /// Patients whose name or email contains <paramref name="text"/> (at most 20, by name): for phone bookings only the
    /// active ones, for the patients page every one.
    /// </summary>
    public Task<List<Person>> SearchPatientsAsync(string text, CancellationToken ct = default, bool includeDeactivated = false)
    {
        var term = text.Trim();
        if (term.Length < 2)
            return Task.FromResult(new List<Person>());
        var pattern = "%" + term.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
        return ReadAsync(db =>
            (from user in db.Users
             join link in db.UserRoles on user.Id equals link.UserId
             join r in db.Roles on link.RoleId equals r.Id
             where r.Name == Roles.Patient && (includeDeactivated || user.IsActive)
                   && (EF.Functions.Like(user.DisplayName, pattern, "\\") || EF.Functions.Like(user.Email!, pattern, "\\"))
             orderby user.DisplayName
             select new Person(user.Id, user.DisplayName, user.Email!, user.PhoneNumber, user.IsActive)).Take(SearchLimit).ToListAsync(ct));
    }
}
