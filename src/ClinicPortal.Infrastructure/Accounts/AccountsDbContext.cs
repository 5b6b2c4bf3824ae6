using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Infrastructure.Accounts;

/// <summary>
/// ASP.NET Core Identity's tables, on either database. Their schema is EF Core's own model of this context in each
/// provider's types (<see cref="CreateScript"/>), made by the numbered schema chains (SQLite's script 2, PostgreSQL's
/// script 1) when a database is new, not by EF migrations (EF Core's design-time tools do not restore here).
/// </summary>
public sealed class AccountsDbContext(DbContextOptions<AccountsDbContext> options)
    : IdentityDbContext<ClinicUser, IdentityRole<Guid>, Guid>(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<ClinicUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(200).IsRequired();
            // An account is active unless staff deactivate it; the value written is always the account's own.
            user.Property(u => u.IsActive).HasDefaultValue(true).ValueGeneratedNever();
        });
    }

    /// <summary>
    /// The statements that make the accounts' tables and indexes, as EF Core's <paramref name="provider"/> (for example
    /// <c>o => o.UseSqlite()</c>) defines them for this model. No connection is opened.
    /// </summary>
    public static string CreateScript(Action<DbContextOptionsBuilder> provider)
    {
        var options = new DbContextOptionsBuilder<AccountsDbContext>();
        provider(options);
        using var context = new AccountsDbContext(options.Options);
        return context.Database.GenerateCreateScript();
    }
}
