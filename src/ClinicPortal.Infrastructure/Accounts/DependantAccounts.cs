using ClinicPortal.Application.Ports;
using ClinicPortal.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Infrastructure.Accounts;

/// <summary>
/// Dependants: patients without a sign-in of their own (a child, a parent cared for), whose account holder (their
/// guardian) books, moves and cancels for them and is written to about their appointments. Each is a patient's account
/// like any other (the Patient role, their own id in the log, so their own monthly limit and their own time), with no
/// email and no password, linked to the guardian in <c>dependants</c>. Staff give one their own account (an email to
/// invite) when they are old enough: the same id, so their appointments and history stay theirs.
/// </summary>
public sealed class DependantAccounts(IServiceScopeFactory scopes, ClinicDatabase database, PeopleDirectory people, IPracticeClock clock)
{
    /// <summary>How many dependants one account may hold: a family's, not a way for one account to hold many people's time.</summary>
    public const int MaxPerAccount = 6;

    /// <summary>The oldest date of birth taken: a typing slip, not a person.</summary>
    public const int MaxAgeYears = 120;

    /// <summary>The dependants of <paramref name="guardianId"/>, by name.</summary>
    public async Task<IReadOnlyList<Dependant>> OfAsync(Guid guardianId, CancellationToken ct = default) =>
        (await database.RowsAsync<DependantRow>(Read + "WHERE d.guardian_id = @guardian;", ct, ("@guardian", database.AccountId(guardianId))))
        .Select(row => row.ToDependant()).OrderBy(d => d.Name, StringComparer.CurrentCulture).ThenBy(d => d.Id).ToArray();

    /// <summary>The dependant <paramref name="patientId"/> is, with their guardian; null for someone who is their own.</summary>
    public async Task<Dependant?> FindAsync(Guid patientId, CancellationToken ct = default) =>
        (await database.RowsAsync<DependantRow>(Read + "WHERE d.patient_id = @patient;", ct, ("@patient", database.AccountId(patientId))))
        .FirstOrDefault()?.ToDependant();

    /// <summary>A dependant's link with their name and phone from their account.</summary>
    private const string Read =
        """
        SELECT d.patient_id, d.guardian_id, d.date_of_birth, u."DisplayName" AS name, u."PhoneNumber" AS phone
        FROM dependants d JOIN "AspNetUsers" u ON u."Id" = d.patient_id

        """;

    /// <summary>
    /// Adds a dependant to an active patient's own account (not to a dependant's, nor past <see cref="MaxPerAccount"/>).
    /// The new dependant's id, or what to put right, for a person to read.
    /// </summary>
    public async Task<DependantChange> AddAsync(Guid guardianId, DependantDetails details, CancellationToken ct = default)
    {
        if (Problem(details) is { } problem)
            return DependantChange.Refused(problem);
        if (await people.StandingAsync(guardianId, ct) is not { Exists: true, IsActive: true, IsPatient: true } || await FindAsync(guardianId, ct) is not null)
            return DependantChange.Refused("Only a patient's own account can book for others.");
        if ((await OfAsync(guardianId, ct)).Count >= MaxPerAccount)
            return DependantChange.Refused($"An account books for at most {MaxPerAccount} people besides its holder. Please phone the practice about more.");

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        var patientRole = await db.Roles.SingleAsync(r => r.Name == Roles.Patient, ct);
        var id = Guid.CreateVersion7(clock.Now); // when it was made is read from it (AccountIds)
        // No email and no password: no one signs in as a dependant. Identity's own validation asks every account for an
        // email, so the account is written as its model maps it, with the name and stamps Identity would give it.
        var user = new ClinicUser
        {
            Id = id, UserName = $"dependant-{id:N}", NormalizedUserName = $"DEPENDANT-{id:N}".ToUpperInvariant(), DisplayName = details.Name.Trim(),
            PhoneNumber = Blank(details.Phone), SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant(), ConcurrencyStamp = Guid.NewGuid().ToString(),
        };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = id, RoleId = patientRole.Id });
        await db.SaveChangesAsync(ct);
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO dependants (patient_id, guardian_id, date_of_birth) VALUES ({database.AccountId(id)}, {database.AccountId(guardianId)}, {Day(details.DateOfBirth!.Value)})", ct);
        await transaction.CommitAsync(ct);
        people.Forget(guardianId); // their next booking may be for the new dependant at once
        return DependantChange.Done(id);
    }

    /// <summary>Corrects a dependant's name, date of birth or phone: their guardian's to do.</summary>
    public async Task<DependantChange> UpdateAsync(Guid guardianId, Guid dependantId, DependantDetails details, CancellationToken ct = default)
    {
        if (Problem(details) is { } problem)
            return DependantChange.Refused(problem);
        if (await FindAsync(dependantId, ct) is not { } dependant || dependant.GuardianId != guardianId)
            return DependantChange.Refused("This person is not one your account books for.");
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var user = await db.Users.SingleAsync(u => u.Id == dependantId, ct);
        (user.DisplayName, user.PhoneNumber, user.ConcurrencyStamp) = (details.Name.Trim(), Blank(details.Phone), Guid.NewGuid().ToString());
        await db.SaveChangesAsync(ct);
        await db.Database.ExecuteSqlAsync(
            $"UPDATE dependants SET date_of_birth = {Day(details.DateOfBirth!.Value)} WHERE patient_id = {database.AccountId(dependantId)}", ct);
        await transaction.CommitAsync(ct);
        return DependantChange.Done(dependantId);
    }

    /// <summary>
    /// Staff give a dependant their own account: <paramref name="email"/> becomes theirs (no one else's), the link to the
    /// guardian ends (the guardian no longer sees or books for them), and an email invites them to choose a password. Their
    /// id stays, and with it every appointment and all their history. Errors for a person to read; none when done.
    /// </summary>
    public async Task<IReadOnlyList<string>> GiveOwnAccountAsync(Guid dependantId, string email, CancellationToken ct = default)
    {
        var address = email.Trim();
        if (!new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(address) || address.Length == 0)
            return ["Enter a valid email address."];
        if (await FindAsync(dependantId, ct) is not { } dependant)
            return ["This patient already has their own account."];
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ClinicUser>>();
        if (await users.FindByEmailAsync(address) is not null)
            return ["Someone already has an account with this email."];
        var user = await users.FindByIdAsync(dependantId.ToString()) ?? throw new InvalidOperationException($"No user {dependantId}.");
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        (user.UserName, user.Email, user.EmailConfirmed) = (address, address, true);
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
            return updated.Errors.Select(e => e.Description).Distinct().ToList();
        await db.Database.ExecuteSqlAsync($"DELETE FROM dependants WHERE patient_id = {database.AccountId(dependantId)}", ct);
        await transaction.CommitAsync(ct);
        people.Forget(dependant.GuardianId); // the guardian's next booking or page no longer speaks for them
        people.Forget(dependantId);
        await scope.ServiceProvider.GetRequiredService<AccountEmails>().SendOwnAccountInvitationAsync(user, ct);
        return [];
    }

    /// <summary>What is wrong with the details, in words; null when nothing is.</summary>
    public string? Problem(DependantDetails details)
    {
        if (string.IsNullOrWhiteSpace(details.Name))
            return "Enter their full name.";
        if (details.Name.Trim().Length > 200)
            return "Keep the name under 200 characters.";
        if (details.DateOfBirth is not { } born)
            return "Enter their date of birth.";
        if (born > clock.Today)
            return "The date of birth cannot be in the future.";
        if (born < clock.Today.AddYears(-MaxAgeYears))
            return $"Check the date of birth: that is more than {MaxAgeYears} years ago.";
        if (Blank(details.Phone) is { } phone && !new System.ComponentModel.DataAnnotations.PhoneAttribute().IsValid(phone))
            return "Enter a valid phone number, or leave it empty.";
        return null;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private sealed record DependantRow(Guid PatientId, Guid GuardianId, string DateOfBirth, string Name, string? Phone)
    {
        public Dependant ToDependant() => new(PatientId, Name, Rows.Day(DateOfBirth), Phone, GuardianId);
    }
}

/// <summary>A patient whose account holder (<paramref name="GuardianId"/>) books for them.</summary>
public sealed record Dependant(Guid Id, string Name, DateOnly DateOfBirth, string? Phone, Guid GuardianId);

/// <summary>What the account holder says of a dependant.</summary>
public sealed record DependantDetails(string Name, DateOnly? DateOfBirth, string? Phone = null);

/// <summary>A dependant added or corrected (<paramref name="Id"/>), or why not (<paramref name="Error"/>).</summary>
public sealed record DependantChange(Guid? Id, string? Error)
{
    public bool IsDone => Error is null;
    public static DependantChange Done(Guid id) => new(id, null);
    public static DependantChange Refused(string error) => new(null, error);
}
